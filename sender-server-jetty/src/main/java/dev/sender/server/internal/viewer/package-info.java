/** The live event viewer at {@code /viewer}: its page and the filter catalogue it builds its form from; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal.viewer;

import org.jspecify.annotations.NullMarked;
