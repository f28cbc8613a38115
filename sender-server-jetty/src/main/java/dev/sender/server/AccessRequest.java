package dev.sender.server;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request that access control decides on, before anything else about it is read (SPEC §8): a subscription, a
 * publication or {@code /config}.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the path within the server's context, such as {@code /2/ws}
 * @param token the bearer token as presented, from {@code Authorization: Bearer <token>} or the query parameter
 *     {@code access_token}; null when the request has none. Never log it.
 * @param requestId the request id, for logs
 */
public record AccessRequest(String method, String path, @Nullable String token, String requestId) {

    /**
     * Checks the required members.
     *
     * @param method the HTTP method
     * @param path the path within the server's context
     * @param token the bearer token, or {@code null}
     * @param requestId the request id
     */
    public AccessRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(requestId, "requestId");
    }

    @Override
    public String toString() {
        return "AccessRequest[" + method + " " + path + ", token " + (token == null ? "absent" : "present") + ", "
                + requestId + "]";
    }
}
