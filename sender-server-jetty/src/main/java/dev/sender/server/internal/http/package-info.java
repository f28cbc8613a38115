/** The HTTP side of every resource: one request being answered ({@link dev.sender.server.internal.http.Exchange}), the
 * table of resources, the refusals in LUNA format, and the server's JSON mapper; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.http;

import org.jspecify.annotations.NullMarked;
