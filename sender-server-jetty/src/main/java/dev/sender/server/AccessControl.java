package dev.sender.server;

import dev.sender.server.internal.auth.OpenAccess;

/**
 * Decides who may subscribe, publish and read {@code /config} (SPEC §8). The server asks it once per such request,
 * after the path and method are known and before any header, filter or body is read, and always before a
 * WebSocket upgrade. The {@link AccessGrant} it returns then decides the rest: a missing scope or account is
 * {@code 403 29021}, the imposed filters are AND-ed with the subscriber's own, and a subscription is closed with
 * {@code 4001} when the grant expires. {@code /version}, {@code /docs/*}, {@code /healthcheck}, {@code /metrics}
 * and {@code /plugins} are never protected.
 *
 * <p>An embedding application plugs its own decision in place of the JSON Web Tokens of {@code auth=jwt}:
 *
 * <pre>{@code
 * AccessControl apiKeys = request -> {
 *     Client client = clients.byKey(request.token());
 *     if (client == null) {
 *         throw new AccessRefusedException("unknown API key");
 *     }
 *     return AccessGrant.builder(client.name()).accounts(client.accounts()).scopes(Scope.SUBSCRIBE).build();
 * };
 * SenderServer server = SenderServer.builder().accessControl(apiKeys).build().start();
 * }</pre>
 *
 * <p>Implementations are called concurrently from Jetty's threads and should answer quickly: a slow decision
 * holds a thread per request.
 */
@FunctionalInterface
public interface AccessControl {

    /**
     * What the bearer of {@code request} may do.
     *
     * @param request the request, before anything else about it is read
     * @return what the bearer may do
     * @throws AccessRefusedException when the request has no credentials or invalid ones: {@code 401 29020}
     */
    AccessGrant authenticate(AccessRequest request);

    /**
     * No access control, the default ({@code auth=none}): no checks, every request is served as LUNA's Sender would.
     *
     * @return the access control that grants everything
     */
    static AccessControl none() {
        return OpenAccess.INSTANCE;
    }
}
