/** Running the server's plugins; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.plugins;

import org.jspecify.annotations.NullMarked;
