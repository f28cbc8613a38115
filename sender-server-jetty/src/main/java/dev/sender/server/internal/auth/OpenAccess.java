package dev.sender.server.internal.auth;

import dev.sender.server.AccessControl;
import dev.sender.server.AccessGrant;
import dev.sender.server.AccessRequest;
import dev.sender.server.Scope;

/** No access control ({@code auth=none}): the server never asks it, and serves every request as LUNA's Sender. */
public enum OpenAccess implements AccessControl {
    INSTANCE;

    private static final AccessGrant EVERYTHING = AccessGrant.builder("anonymous").allAccounts()
            .scopes(Scope.values()).build();

    @Override
    public AccessGrant authenticate(AccessRequest request) {
        return EVERYTHING;
    }

    @Override
    public String toString() {
        return "AccessControl.none()";
    }
}
