/** The publish resources, {@code POST /{api}/publish} and {@code POST /{api}/general_events/publish}; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.publish;

import org.jspecify.annotations.NullMarked;
