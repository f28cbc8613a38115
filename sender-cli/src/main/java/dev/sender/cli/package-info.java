/**
 * The terminal subscriber: {@link dev.sender.cli.SenderCli}, the command line of {@code sender-cli.jar}, which
 * subscribes to a Sender server and prints the events it receives, publishes events read as JSON lines, and
 * checks a server's health and version. Its exit statuses are constants of {@link dev.sender.cli.SenderCli}.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.cli;

import org.jspecify.annotations.NullMarked;
