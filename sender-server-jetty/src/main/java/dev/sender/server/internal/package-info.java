/** Implementation of the Sender server; not an API, may change in any release. */
@NullMarked
package dev.sender.server.internal;

import org.jspecify.annotations.NullMarked;
