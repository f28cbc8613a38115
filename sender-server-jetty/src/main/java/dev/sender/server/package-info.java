/**
 * The Sender server on Jetty 12: {@link dev.sender.server.SenderServer} to run it, {@link
 * dev.sender.server.SenderHandler} to mount it in an application's own Jetty, {@link
 * dev.sender.server.SenderSettings} for its limits, and the plugin SPI.
 *
 * <p>Every type and member in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.sender.server;

import org.jspecify.annotations.NullMarked;
