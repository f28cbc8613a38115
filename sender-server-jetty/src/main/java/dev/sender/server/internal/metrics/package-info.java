/** The server's meters (SPEC §7); not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.metrics;

import org.jspecify.annotations.NullMarked;
