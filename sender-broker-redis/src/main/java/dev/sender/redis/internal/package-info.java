/** Implementation of the Redis broker; not an API, may change in any release. */
@NullMarked
package dev.sender.redis.internal;

import org.jspecify.annotations.NullMarked;
