/** The subscription resources and the WebSocket sessions behind them: the handshake, one session per
 * subscriber, the registry of sessions and the threads that write to them; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.websocket;

import org.jspecify.annotations.NullMarked;
