package dev.sender.server;

import dev.sender.core.filter.Filter;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What {@link AccessControl} allows the bearer of a request (SPEC §8): the accounts it may subscribe to and
 * publish for, its {@link Scope scopes}, the filters imposed on its subscriptions and when the grant expires.
 * Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * AccessGrant guard = AccessGrant.builder("guard-7")
 *         .accounts(account)
 *         .scopes(Scope.SUBSCRIBE)
 *         .handlerFilter(HandlerEventFilter.builder().sources("cam1", "cam2").build())
 *         .expiresAt(Instant.now().plus(Duration.ofHours(8)))
 *         .build();
 * }</pre>
 */
public final class AccessGrant {

    private final String principal;
    private final boolean allAccounts;
    private final Set<UUID> accounts;
    private final Set<Scope> scopes;
    private final Filter handlerFilter;
    private final Filter generalFilter;
    private final @Nullable Instant expiresAt;

    private AccessGrant(Builder b) {
        principal = b.principal;
        allAccounts = b.allAccounts;
        accounts = Set.copyOf(b.accounts);
        scopes = b.scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.scopes));
        handlerFilter = b.handlerFilter;
        generalFilter = b.generalFilter;
        expiresAt = b.expiresAt;
    }

    /**
     * A builder for a grant to {@code principal}, with no account, no scope, no imposed filter and no expiry.
     *
     * @param principal who the bearer is, for logs
     * @return the builder
     */
    public static Builder builder(String principal) {
        return new Builder(principal);
    }

    /** {@return who the bearer is, for logs (a token's {@code sub}); never a secret} */
    public String principal() {
        return principal;
    }

    /** {@return whether every account is granted (a token's {@code "accounts": ["*"]})} */
    public boolean allAccounts() {
        return allAccounts;
    }

    /** {@return the accounts granted; empty when {@link #allAccounts()}} */
    public Set<UUID> accounts() {
        return accounts;
    }

    /**
     * Whether {@code account} is granted.
     *
     * @param account an account
     * @return {@code true} when the grant covers it
     */
    public boolean grants(UUID account) {
        return allAccounts || accounts.contains(account);
    }

    /** {@return the scopes granted} */
    public Set<Scope> scopes() {
        return scopes;
    }

    /**
     * Whether {@code scope} is granted.
     *
     * @param scope a scope
     * @return {@code true} when the grant includes it
     */
    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }

    /**
     * The filter AND-ed with every handler-event subscription of the bearer; {@link Filter#any()} for none.
     *
     * @return the imposed filter of handler events
     */
    public Filter handlerFilter() {
        return handlerFilter;
    }

    /**
     * The filter AND-ed with every general-event subscription of the bearer; {@link Filter#any()} for none.
     *
     * @return the imposed filter of general events
     */
    public Filter generalFilter() {
        return generalFilter;
    }

    /** {@return when the grant ends: subscriptions are closed with {@code 4001} then; null when it never does} */
    public @Nullable Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public String toString() {
        return "AccessGrant[" + principal + ", accounts " + (allAccounts ? "*" : accounts) + ", scopes " + scopes
                + ", expires " + (expiresAt == null ? "never" : expiresAt) + "]";
    }

    /** Builds an {@link AccessGrant}. */
    public static final class Builder {
        private final String principal;
        private boolean allAccounts;
        private final Set<UUID> accounts = new LinkedHashSet<>();
        private final Set<Scope> scopes = new LinkedHashSet<>();
        private Filter handlerFilter = Filter.any();
        private Filter generalFilter = Filter.any();
        private @Nullable Instant expiresAt;

        private Builder(String principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
        }

        /**
         * Grants {@code accounts}, beside those granted before.
         *
         * @param accounts the accounts
         * @return this builder
         */
        public Builder accounts(UUID... accounts) {
            return accounts(Arrays.asList(accounts));
        }

        /**
         * Grants {@code accounts}, beside those granted before.
         *
         * @param accounts the accounts
         * @return this builder
         */
        public Builder accounts(Collection<UUID> accounts) {
            for (UUID account : accounts) {
                this.accounts.add(Objects.requireNonNull(account, "account"));
            }
            return this;
        }

        /** {@return grants every account} */
        public Builder allAccounts() {
            this.allAccounts = true;
            return this;
        }

        /**
         * Grants {@code scopes}, beside those granted before.
         *
         * @param scopes the scopes
         * @return this builder
         */
        public Builder scopes(Scope... scopes) {
            for (Scope scope : scopes) {
                this.scopes.add(Objects.requireNonNull(scope, "scope"));
            }
            return this;
        }

        /**
         * Imposes {@code filter} on every handler-event subscription (SPEC §3).
         *
         * @param filter the imposed filter, in LUNA's parameters
         * @return this builder
         */
        public Builder handlerFilter(HandlerEventFilter filter) {
            return handlerFilter(filter.toFilter());
        }

        /**
         * Imposes {@code filter} on every handler-event subscription.
         *
         * @param filter the imposed filter
         * @return this builder
         */
        public Builder handlerFilter(Filter filter) {
            this.handlerFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Imposes {@code filter} on every general-event subscription (SPEC §4).
         *
         * @param filter the imposed filter, in LUNA's parameters
         * @return this builder
         */
        public Builder generalFilter(GeneralEventFilter filter) {
            return generalFilter(filter.toFilter());
        }

        /**
         * Imposes {@code filter} on every general-event subscription.
         *
         * @param filter the imposed filter
         * @return this builder
         */
        public Builder generalFilter(Filter filter) {
            this.generalFilter = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Ends the grant at {@code instant}; null for never.
         *
         * @param instant when the grant ends, or {@code null}
         * @return this builder
         */
        public Builder expiresAt(@Nullable Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        /** {@return the grant} */
        public AccessGrant build() {
            if (allAccounts) {
                accounts.clear();
            }
            return new AccessGrant(this);
        }
    }
}
