package dev.sender.redis.internal;

import java.net.URI;

/** Redis URIs as logs, health details and {@code toString} may show them. */
public final class RedisUris {

    private RedisUris() {
    }

    /** {@code uri} without its password: {@code user:password@} and {@code password@} alike (Lettuce reads both). */
    public static String masked(URI uri) {
        String user = uri.getRawUserInfo();
        if (user == null) {
            return uri.toString();
        }
        int colon = user.indexOf(':');
        return uri.toString().replace(user + "@", (colon < 0 ? "" : user.substring(0, colon + 1)) + "********@");
    }
}
