package dev.sender.server.internal.auth;

import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.sender.core.Uuids;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.filters.InvalidFilterException;
import dev.sender.server.AccessControl;
import dev.sender.server.AccessGrant;
import dev.sender.server.AccessRefusedException;
import dev.sender.server.AccessRequest;
import dev.sender.server.Scope;
import dev.sender.server.SenderSettings;
import java.text.ParseException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Access control by JSON Web Tokens ({@code auth=jwt}, SPEC §8). nimbus verifies the signature with exactly the
 * algorithm of the configured key, then {@code exp} (required), {@code nbf}, {@code iss} and {@code aud} within the
 * clock skew; the claims {@code accounts}, {@code scope}, {@code filter} and {@code general_filter} make the grant.
 */
public final class JwtAccessControl implements AccessControl {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Duration skew;

    private JwtAccessControl(SenderSettings settings) {
        this.skew = settings.jwtClockSkew();
        processor.setJWSKeySelector(JwtKeys.selector(settings));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (settings.jwtIssuer() != null) {
            exact.issuer(settings.jwtIssuer());
        }
        Set<String> audience = settings.jwtAudience() == null ? null : Set.of(settings.jwtAudience());
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience, exact.build(),
                Set.of("exp"), null);
        claims.setMaxClockSkew((int) skew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * Access control by the tokens {@code settings} describe.
     *
     * @throws IllegalStateException with a one-line message when the keys are not configured as SPEC §8 requires
     */
    public static JwtAccessControl of(SenderSettings settings) {
        return new JwtAccessControl(settings);
    }

    @Override
    public AccessGrant authenticate(AccessRequest request) {
        String token = request.token();
        if (token == null) {
            throw new AccessRefusedException("a token is required: 'Authorization: Bearer <token>' or the query "
                    + "parameter 'access_token'");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new AccessRefusedException("the token is not a JSON Web Token", e);
        } catch (BadJWTException e) {
            throw new AccessRefusedException(claimsFailure(e), e);
        } catch (BadJOSEException e) {
            throw new AccessRefusedException("the token is not signed with an accepted algorithm and key", e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AccessRefusedException("the token's signature cannot be checked", e);
        }
        return grant(claims);
    }

    private static String claimsFailure(BadJWTException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Expired")) {
            return "the token has expired";
        }
        if (message.contains("before use time")) {
            return "the token is not valid yet (nbf)";
        }
        int missing = message.indexOf("missing required claims");
        if (missing >= 0) {
            return "the token lacks required claims " + message.substring(missing + "missing required claims".length())
                    .replaceAll("[^a-z_\\[\\], ]", "").trim();
        }
        if (message.contains(" iss claim")) {
            return "the token's issuer (iss) is not the one accepted";
        }
        if (message.contains("aud")) {
            return "the token's audience (aud) is not the one accepted";
        }
        return "the token's claims are not accepted";
    }

    private AccessGrant grant(JWTClaimsSet claims) {
        String subject = claims.getSubject();
        AccessGrant.Builder grant = AccessGrant.builder(subject == null ? "(no sub)" : subject);
        try {
            List<String> accounts = claims.getStringListClaim("accounts");
            if (accounts != null) {
                if (accounts.equals(List.of("*"))) {
                    grant.allAccounts();
                } else {
                    grant.accounts(uuids(accounts));
                }
            }
            String scope = claims.getStringClaim("scope");
            if (scope != null) {
                for (String name : scope.trim().split("\\s+")) {
                    Scope.of(name).ifPresent(grant::scopes);
                }
            }
            String filter = claims.getStringClaim("filter");
            if (filter != null) {
                grant.handlerFilter(parse("filter", filter, true));
            }
            String generalFilter = claims.getStringClaim("general_filter");
            if (generalFilter != null) {
                grant.generalFilter(parse("general_filter", generalFilter, false));
            }
        } catch (ParseException e) {
            throw new AccessRefusedException("the token's claims have the wrong types: " + e.getMessage());
        }
        // exp is required, so never null here.
        grant.expiresAt(claims.getExpirationTime().toInstant().plus(skew));
        return grant.build();
    }

    private static Set<UUID> uuids(List<String> accounts) {
        Set<UUID> set = new HashSet<>();
        for (String account : accounts) {
            UUID uuid = account == null ? null : Uuids.parse(account);
            if (uuid == null) {
                throw new AccessRefusedException("the token's 'accounts' claim must hold UUIDs or be [\"*\"]");
            }
            set.add(uuid);
        }
        return set;
    }

    private static dev.sender.core.filter.Filter parse(String claim, String query, boolean handler) {
        try {
            return handler ? HandlerEventFilter.parse(query).toFilter() : GeneralEventFilter.parse(query).toFilter();
        } catch (InvalidFilterException e) {
            throw new AccessRefusedException("the token's '" + claim + "' claim is not a valid filter: " + e.detail());
        }
    }

    @Override
    public String toString() {
        return "JwtAccessControl[skew " + skew + "]";
    }
}
