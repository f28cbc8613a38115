/**
 * The history of the in-memory broker (SPEC §9): positions, per-topic rings, and their bounds.
 */
@NullMarked
package dev.sender.core.internal.history;

import org.jspecify.annotations.NullMarked;
