package dev.sender.server;

import java.util.Optional;

/**
 * What a bearer of access may do (SPEC §8), as the {@code scope} claim of a token names it.
 */
public enum Scope {
    /** Subscribe to handler events of a granted account: {@code GET /{api}/ws}. */
    SUBSCRIBE("subscribe"),
    /** Publish handler events for a granted account: {@code POST /{api}/publish}. */
    PUBLISH("publish"),
    /** Subscribe to general events: {@code GET /{api}/general_events/ws}. */
    GENERAL_SUBSCRIBE("general:subscribe"),
    /** Publish general events: {@code POST /{api}/general_events/publish}. */
    GENERAL_PUBLISH("general:publish"),
    /** Read the configuration: {@code GET /config}. */
    ADMIN("admin");

    private final String claim;

    Scope(String claim) {
        this.claim = claim;
    }

    /** {@return the scope as a token's {@code scope} claim writes it, such as {@code general:subscribe}} */
    public String claim() {
        return claim;
    }

    /**
     * The scope {@code claim} names, if any.
     *
     * @param claim a scope as a token's {@code scope} claim writes it
     * @return the scope, or empty when none is written so
     */
    public static Optional<Scope> of(String claim) {
        for (Scope scope : values()) {
            if (scope.claim.equals(claim)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
