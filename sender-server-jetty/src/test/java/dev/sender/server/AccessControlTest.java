package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.CloseCodes;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import dev.sender.server.testing.Tokens;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access control by JSON Web Tokens (SPEC §8), end to end on one HS256 server: every row of the section. */
class AccessControlTest {

    private static final String ISSUER = "https://issuer.test";
    private static final String AUDIENCE = "sender";
    private static final String JSON = "application/json";

    @TempDir
    static Path dir;
    static Tokens keys;
    static ServerFixture server;
    final UUID account = UUID.randomUUID();

    @BeforeAll
    static void start() {
        keys = Tokens.hs256();
        server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0).auth(AuthMode.JWT)
                .jwtHs256SecretFile(keys.writeSecret(dir)).jwtIssuer(ISSUER).jwtAudience(AUDIENCE)
                // Pings an hour apart: an expiring token must be seen on its own, not at the subscriber's next ping.
                .jwtClockSkew(Duration.ZERO).pingInterval(Duration.ofHours(1)).build()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private String token(String scope, Object accounts, java.util.function.Consumer<com.nimbusds.jwt.JWTClaimsSet.Builder> edit) {
        var claims = Tokens.claims(scope, accounts).issuer(ISSUER).audience(AUDIENCE);
        edit.accept(claims);
        return keys.sign(claims.build());
    }

    private String token(String scope) {
        return token(scope, account, c -> { });
    }

    private RawHttp.Answer upgrade(String pathAndQuery, String... headers) throws IOException {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return RawHttp.upgrade(server.port(), pathAndQuery, map);
    }

    private RawHttp.Answer subscribeWith(String bearer) throws IOException {
        return upgrade("/2/ws", LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization", "Bearer " + bearer);
    }

    private static void assertUnauthorized(RawHttp.Answer answer, boolean tokenGiven, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().get("www-authenticate"))
                .isEqualTo(tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        JsonNode body = ServerFixture.json(answer.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(ErrorCode.UNAUTHORIZED.code());
        assertThat(body.get("detail").asText()).contains(detail);
    }

    private static void assertError(int status, String body, ErrorCode code, String detail) {
        assertThat(status).as(body).isEqualTo(code.httpStatus());
        JsonNode json = ServerFixture.json(body);
        assertThat(json.get("error_code").asInt()).isEqualTo(code.code());
        assertThat(json.get("detail").asText()).contains(detail);
    }

    private TestSubscriber subscriber(String bearer, String query) {
        return server.track(TestSubscriber.connect(server.ws("/2/ws" + query), Map.of(LunaHeaders.ACCOUNT_ID,
                account.toString(), "Authorization", "Bearer " + bearer)));
    }

    private void publish(String bearer, String... events) {
        HttpResponse<String> response = server.post("/2/publish", ServerFixture.body(events), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", JSON, "Authorization", "Bearer " + bearer);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    @Test
    void subscribe_withoutToken_is401WithABearerChallenge() throws IOException {
        assertUnauthorized(upgrade("/2/ws", LunaHeaders.ACCOUNT_ID, account.toString()), false, "token is required");
    }

    @Test
    void subscribe_withBadSignature_is401InvalidToken() throws IOException {
        assertUnauthorized(subscribeWith(Tokens.tampered(token("subscribe"))), true, "signed");
        assertUnauthorized(subscribeWith(Tokens.hs256().sign(Tokens.claims("subscribe", account).issuer(ISSUER)
                .audience(AUDIENCE).build())), true, "signed");
        assertUnauthorized(subscribeWith("not-a-jwt"), true, "not a JSON Web Token");
        assertUnauthorized(upgrade("/2/ws", LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization",
                "Basic dXNlcjpwYXNz"), true, "Bearer <token>");
    }

    @Test
    void subscribe_withExpiredOrNotYetValidToken_is401() throws IOException {
        assertUnauthorized(subscribeWith(token("subscribe", account,
                c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5))))), true, "expired");
        assertUnauthorized(subscribeWith(token("subscribe", account,
                c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(60))))), true, "not valid yet");
        assertUnauthorized(subscribeWith(token("subscribe", account, c -> c.expirationTime(null))), true, "exp");
    }

    @Test
    void subscribe_withWrongIssuerOrAudience_is401() throws IOException {
        assertUnauthorized(subscribeWith(token("subscribe", account, c -> c.issuer("https://other.test"))), true,
                "issuer");
        assertUnauthorized(subscribeWith(token("subscribe", account, c -> c.audience("other"))), true, "audience");
        assertUnauthorized(subscribeWith(token("subscribe", account, c -> c.audience((String) null))), true,
                "audience");
    }

    @Test
    void subscribe_withAudienceArrayContainingOurs_isAccepted() {
        TestSubscriber subscriber = subscriber(token("subscribe", account, c -> c.audience(List.of("x", AUDIENCE))),
                "");
        publish(token("publish"), "{\"n\":1}");
        assertThat(subscriber.awaitJson().get("event").get("n").asInt()).isEqualTo(1);
    }

    @Test
    void subscribe_withAlgNone_is401() throws IOException {
        assertUnauthorized(subscribeWith(Tokens.unsigned(Tokens.claims("subscribe", account).issuer(ISSUER)
                .audience(AUDIENCE).build())), true, "");
    }

    @Test
    void subscribe_withUnparseableFilterClaim_is401() throws IOException {
        assertUnauthorized(subscribeWith(token("subscribe", account, c -> c.claim("filter", "colour=red"))), true,
                "'filter' claim is not a valid filter");
        assertUnauthorized(upgrade("/2/general_events/ws", "Authorization", "Bearer " + token("general:subscribe",
                account, c -> c.claim("general_filter", "event.x__bogus=1"))), true, "'general_filter' claim");
    }

    @Test
    void subscribe_withoutScopeOrAccount_is403NamingWhatIsMissing() throws IOException {
        RawHttp.Answer noScope = subscribeWith(token("publish general:subscribe"));
        assertError(noScope.status(), noScope.body(), ErrorCode.ACCESS_DENIED, "the scope 'subscribe'");
        RawHttp.Answer otherAccount = subscribeWith(token("subscribe", UUID.randomUUID(), c -> { }));
        assertError(otherAccount.status(), otherAccount.body(), ErrorCode.ACCESS_DENIED, "the account " + account);
        RawHttp.Answer general = upgrade("/2/general_events/ws", "Authorization", "Bearer " + token("subscribe"));
        assertError(general.status(), general.body(), ErrorCode.ACCESS_DENIED, "the scope 'general:subscribe'");
    }

    @Test
    void checks_runInSpecOrder_pathTokenHeadersGrantsFilters() throws IOException {
        assertThat(upgrade("/2/nowhere").status()).isEqualTo(404);
        assertThat(server.post("/2/ws", "").statusCode()).isEqualTo(405);
        // the token before the headers: no token and no account is 401
        assertUnauthorized(upgrade("/2/ws?bad=1"), false, "token is required");
        // the headers before the grants: a token without the scope and no account is 403 29001
        RawHttp.Answer noAccount = upgrade("/2/ws?bad=1", "Authorization", "Bearer " + token("publish"));
        assertError(noAccount.status(), noAccount.body(), ErrorCode.FORBIDDEN, "Luna-Account-Id");
        RawHttp.Answer badAccount = upgrade("/2/ws", LunaHeaders.ACCOUNT_ID, "x", "Authorization", "Bearer "
                + token("subscribe"));
        assertError(badAccount.status(), badAccount.body(), ErrorCode.BAD_HEADER, "UUID");
        // the grants before the filters
        RawHttp.Answer grants = upgrade("/2/ws?bad=1", LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization",
                "Bearer " + token("publish"));
        assertError(grants.status(), grants.body(), ErrorCode.ACCESS_DENIED, "subscribe");
        RawHttp.Answer filters = upgrade("/2/ws?bad=1", LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization",
                "Bearer " + token("subscribe"));
        assertError(filters.status(), filters.body(), ErrorCode.BAD_QUERY_PARAMETERS, "bad");
    }

    @Test
    void token_travelsInTheHeaderOrTheAccessTokenParameter_neverAsAFilter() {
        String token = token("subscribe");
        TestSubscriber byHeader = subscriber(token, "?sources=cam1");
        TestSubscriber byQuery = server.track(TestSubscriber.connect(server.ws("/2/ws?sources=cam1&access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)), Map.of(LunaHeaders.ACCOUNT_ID,
                account.toString())));
        publish(token("publish"), "{\"source\":\"cam2\"}", "{\"source\":\"cam1\"}");
        assertThat(byHeader.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
        assertThat(byQuery.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
    }

    @Test
    void browserSubscription_carriesAccountAndTokenInTheQuery() {
        TestSubscriber browser = server.track(TestSubscriber.connect(server.ws("/2/ws?luna_account_id=" + account
                + "&sources=cam1&access_token=" + URLEncoder.encode(token("subscribe"), StandardCharsets.UTF_8)),
                Map.of()));
        publish(token("publish"), "{\"source\":\"cam2\"}", "{\"source\":\"cam1\"}");

        assertThat(browser.awaitJson().get("event").get("source").asText()).isEqualTo("cam1");
    }

    @Test
    void tokens_inBothCarriers_thatDiffer_are400() throws IOException {
        RawHttp.Answer answer = upgrade("/2/ws?access_token=" + token("subscribe"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Authorization", "Bearer " + token("subscribe", account,
                c -> c.subject("other")));
        assertError(answer.status(), answer.body(), ErrorCode.BAD_HEADER, "both");
        assertThat(answer.body()).doesNotContain("eyJ");
    }

    @Test
    void token_isNeverEchoed_inErrorsConfigOrMetrics() throws IOException {
        String token = token("subscribe admin");
        RawHttp.Answer answer = upgrade("/2/ws?colour=red&access_token=" + token, LunaHeaders.ACCOUNT_ID,
                account.toString());
        assertError(answer.status(), answer.body(), ErrorCode.BAD_QUERY_PARAMETERS, "colour");
        assertThat(answer.body()).doesNotContain(token).doesNotContain("access_token");
        assertThat(server.get("/config", "Authorization", "Bearer " + token).body()).doesNotContain(token);
        assertThat(server.get("/metrics").body()).doesNotContain(token).doesNotContain("access_token");
    }

    @Test
    void imposedFilter_narrowsWhatTheSubscriberAsks_andNeverWidensIt() {
        String guard = token("subscribe", account, c -> c.claim("filter", "sources=cam1"));
        TestSubscriber asksMore = subscriber(guard, "?sources=cam1,cam2");
        TestSubscriber asksOther = subscriber(guard, "?sources=cam2");
        TestSubscriber asksNothing = subscriber(guard, "");
        publish(token("publish"), "{\"source\":\"cam2\",\"n\":1}", "{\"source\":\"cam1\",\"n\":2}",
                "{\"source\":\"cam3\",\"n\":3}");

        assertThat(asksMore.awaitJson().get("event").get("n").asInt()).isEqualTo(2);
        assertThat(asksNothing.awaitJson().get("event").get("n").asInt()).isEqualTo(2);
        publish(token("publish"), "{\"source\":\"cam1\",\"n\":4}");
        assertThat(asksMore.awaitJson().get("event").get("n").asInt()).isEqualTo(4);
        assertThat(asksNothing.awaitJson().get("event").get("n").asInt()).isEqualTo(4);
        assertThat(asksOther.drain()).isEmpty();
        assertThat(asksMore.drain()).isEmpty();
    }

    @Test
    void allAccounts_grantsAnyAccount() {
        String any = token("subscribe publish", "*", c -> { });
        TestSubscriber subscriber = subscriber(any, "");
        publish(any, "{\"n\":7}");
        assertThat(subscriber.awaitJson().get("event").get("n").asInt()).isEqualTo(7);
    }

    @Test
    void subscription_isClosedWith4001_whenItsTokenExpires() {
        String shortLived = token("subscribe", account, c -> c.expirationTime(Date.from(Instant.now()
                .plusSeconds(2))));
        TestSubscriber subscriber = subscriber(shortLived, "");
        TestSubscriber lasting = subscriber(token("subscribe"), "");

        assertThat(subscriber.awaitCloseCode()).isEqualTo(CloseCodes.TOKEN_EXPIRED);
        assertThat(lasting.isClosed()).isFalse();
    }

    @Test
    void publish_needsThePublishScopeAndTheAccount() {
        HttpResponse<String> none = server.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", JSON);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        HttpResponse<String> noScope = server.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", JSON, "Authorization", "Bearer " + token("subscribe"));
        assertError(noScope.statusCode(), noScope.body(), ErrorCode.ACCESS_DENIED, "'publish'");
        HttpResponse<String> other = server.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                UUID.randomUUID().toString(), "Content-Type", JSON, "Authorization", "Bearer " + token("publish"));
        assertError(other.statusCode(), other.body(), ErrorCode.ACCESS_DENIED, "the account");
        HttpResponse<String> missing = server.post("/2/publish", ServerFixture.body("{}"), "Content-Type", JSON,
                "Authorization", "Bearer " + token("publish"));
        assertError(missing.statusCode(), missing.body(), ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND, "Luna-Account-Id");
    }

    private HttpResponse<String> publishGeneral(String bearer, UUID accountId) {
        String body = "{\"event\":{\"n\":1},\"event_type\":\"t\"" + (accountId == null ? "" : ",\"account_id\":\""
                + accountId + "\"") + "}";
        return server.post("/2/general_events/publish", body, "Content-Type", JSON, "Authorization", "Bearer "
                + bearer);
    }

    @Test
    void generalPublish_needsItsScope_andTheAccountItNames() {
        String publisher = token("general:publish");
        assertThat(publishGeneral(publisher, account).statusCode()).isEqualTo(201);
        assertThat(publishGeneral(publisher, null).statusCode()).isEqualTo(201);
        HttpResponse<String> foreign = publishGeneral(publisher, UUID.randomUUID());
        assertError(foreign.statusCode(), foreign.body(), ErrorCode.ACCESS_DENIED, "the account");
        HttpResponse<String> noScope = publishGeneral(token("publish"), account);
        assertError(noScope.statusCode(), noScope.body(), ErrorCode.ACCESS_DENIED, "'general:publish'");
    }

    @Test
    void generalSubscriber_ofSomeAccounts_getsOnlyTheirEvents() {
        UUID other = UUID.randomUUID();
        TestSubscriber mine = server.track(TestSubscriber.connect(server.ws("/2/general_events/ws"),
                Map.of("Authorization", "Bearer " + token("general:subscribe"))));
        TestSubscriber all = server.track(TestSubscriber.connect(server.ws("/2/general_events/ws?event_type=t"),
                Map.of("Authorization", "Bearer " + token("general:subscribe", "*", c -> { }))));
        String publisher = token("general:publish", "*", c -> { });
        for (UUID id : new UUID[] {other, null, account}) {
            assertThat(publishGeneral(publisher, id).statusCode()).isEqualTo(201);
        }

        assertThat(all.awaitJson(3)).hasSize(3);
        assertThat(mine.awaitJson().get("account_id").asText()).isEqualTo(account.toString());
        assertThat(mine.drain()).isEmpty();
    }

    @Test
    void config_needsAdmin_andOpenResourcesNeedNothing() {
        assertThat(server.get("/config").statusCode()).isEqualTo(401);
        HttpResponse<String> notAdmin = server.get("/config", "Authorization", "Bearer " + token("subscribe publish"));
        assertError(notAdmin.statusCode(), notAdmin.body(), ErrorCode.ACCESS_DENIED, "'admin'");
        HttpResponse<String> admin = server.get("/config", "Authorization", "Bearer " + token("admin"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(admin.body()).get("auth").asText()).isEqualTo("jwt");
        for (String open : List.of("/version", "/healthcheck", "/metrics", "/plugins", "/docs/dev/index.html")) {
            assertThat(server.get(open).statusCode()).as(open).isEqualTo(200);
        }
        assertThat(server.get("/docs/spec", "Accept", "application/x-yaml").statusCode()).isEqualTo(200);
    }
}
