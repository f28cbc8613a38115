package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import dev.sender.server.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys of {@code auth=jwt} (SPEC §8): PEM and JWK Set sources, algorithm confusion, refusals to start. */
class JwtKeysTest {

    @TempDir
    Path dir;
    final UUID account = UUID.randomUUID();

    private ServerFixture start(SenderSettings.Builder settings) {
        return ServerFixture.start(b -> b.settings(settings.port(0).auth(AuthMode.JWT).build()));
    }

    private RawHttp.Answer subscribe(ServerFixture server, String token) throws IOException {
        return RawHttp.upgrade(server.port(), "/2/ws", Map.of(LunaHeaders.ACCOUNT_ID, account.toString(),
                "Authorization", "Bearer " + token));
    }

    private void assertDelivers(ServerFixture server, String token) {
        TestSubscriber subscriber = server.track(TestSubscriber.connect(server.ws("/2/ws"), Map.of(
                LunaHeaders.ACCOUNT_ID, account.toString(), "Authorization", "Bearer " + token)));
        assertThat(server.post("/2/publish", ServerFixture.body("{\"n\":1}"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", "application/json", "Authorization", "Bearer "
                + token).statusCode()).isEqualTo(201);
        assertThat(subscriber.awaitJson().get("event").get("n").asInt()).isEqualTo(1);
    }

    @Test
    void rs256_fromAPemPublicKey_verifiesTokens_andRefusesHs256SignedWithThePem() throws IOException {
        Tokens rsa = Tokens.rs256("r1");
        Path pem = rsa.writePem(dir);
        try (ServerFixture server = start(SenderSettings.builder().jwtPublicKeyFile(pem))) {
            assertDelivers(server, rsa.token("subscribe publish", account));

            RawHttp.Answer confused = subscribe(server, rsa.confused(Tokens.claims("subscribe", account).build(), pem));
            assertThat(confused.status()).isEqualTo(401);
            assertThat(confused.body()).contains(String.valueOf(ErrorCode.UNAUTHORIZED.code()));
            assertThat(subscribe(server, Tokens.rs256("r1").token("subscribe", account)).status()).isEqualTo(401);
        }
    }

    @Test
    void es256_fromAJwkSet_selectsTheKeyByKid() throws IOException {
        Tokens first = Tokens.es256("k1");
        Tokens second = Tokens.es256("k2");
        Path jwks = Tokens.writeJwks(dir, first, second, Tokens.rs256("r9"));
        try (ServerFixture server = start(SenderSettings.builder().jwtJwksFile(jwks))) {
            assertDelivers(server, second.token("subscribe publish", account));
            assertDelivers(server, first.token("subscribe publish", account));
            assertThat(subscribe(server, Tokens.es256("k3").token("subscribe", account)).status()).isEqualTo(401);
            assertThat(subscribe(server, Tokens.hs256().token("subscribe", account)).status()).isEqualTo(401);
        }
    }

    @Test
    void es256_fromAPemPublicKey_verifiesTokens() {
        Tokens ec = Tokens.es256("e1");
        try (ServerFixture server = start(SenderSettings.builder().jwtPublicKeyFile(ec.writePem(dir)))) {
            assertDelivers(server, ec.token("subscribe publish", account));
        }
    }

    @Test
    void jwt_withoutExactlyOneKeySource_refusesToStart() {
        SenderSettings none = SenderSettings.builder().auth(AuthMode.JWT).build();
        assertThatThrownBy(() -> SenderServer.builder().settings(none).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("auth=jwt needs exactly one of jwt-hs256-secret-file, jwt-public-key-file and "
                        + "jwt-jwks-file; none is given");
        Tokens rsa = Tokens.rs256("r1");
        SenderSettings two = none.toBuilder().jwtPublicKeyFile(rsa.writePem(dir))
                .jwtHs256SecretFile(Tokens.hs256().writeSecret(dir)).build();
        assertThatThrownBy(() -> SenderServer.builder().settings(two).build())
                .hasMessageContaining("[jwt-hs256-secret-file, jwt-public-key-file] are given");
    }

    @Test
    void hs256_secretUnder32Bytes_refusesToStart_andOneTrailingNewlineIsNotPartOfIt() throws IOException {
        Path secret = Files.writeString(dir.resolve("short"), "0123456789012345678901234567890\n");
        SenderSettings settings = SenderSettings.builder().auth(AuthMode.JWT).jwtHs256SecretFile(secret).build();
        assertThatThrownBy(() -> SenderServer.builder().settings(settings).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("31 bytes; HS256 needs at least 32")
                .hasMessageNotContaining("0123456789");
        Path missing = dir.resolve("absent");
        assertThatThrownBy(() -> SenderServer.builder().settings(settings.toBuilder().jwtHs256SecretFile(missing)
                .build()).build()).hasMessageContaining("cannot be read");
    }

    @Test
    void authNone_keepsAccessTokenAnUnknownFilter_asBefore() throws IOException {
        try (ServerFixture server = ServerFixture.start()) {
            RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?access_token=abc",
                    Map.of(LunaHeaders.ACCOUNT_ID, account.toString()));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(server.get("/config").statusCode()).isEqualTo(200);
            assertThat(server.server().handler().accessControl()).isSameAs(AccessControl.none());
        }
    }

    @Test
    void embeddedAccessControl_decidesInPlaceOfJwt() throws IOException {
        AccessControl apiKeys = request -> {
            if (!"key-1".equals(request.token())) {
                throw new AccessRefusedException("unknown API key");
            }
            return AccessGrant.builder("app").accounts(account).scopes(Scope.SUBSCRIBE, Scope.PUBLISH).build();
        };
        try (ServerFixture server = ServerFixture.start(b -> b.accessControl(apiKeys))) {
            assertDelivers(server, "key-1");
            RawHttp.Answer refused = subscribe(server, "key-2");
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("unknown API key");
        }
    }
}
