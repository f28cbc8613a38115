/**
 * The implementation of the terminal subscriber: the picocli commands, the output formats and the live counter.
 * Nothing here is API.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.cli.internal;

import org.jspecify.annotations.NullMarked;
