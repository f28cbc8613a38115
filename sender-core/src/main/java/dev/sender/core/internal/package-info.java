/**
 * Implementation details of sender-core; not an API, may change in any release.
 */
@NullMarked
package dev.sender.core.internal;

import org.jspecify.annotations.NullMarked;
