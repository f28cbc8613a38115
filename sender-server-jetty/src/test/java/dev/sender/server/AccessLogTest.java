package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import dev.sender.server.internal.http.AccessLog;
import dev.sender.server.testing.LogCapture;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import dev.sender.server.testing.Tokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log of a server with access control, so that requests carry tokens: one line per request, per
 * subscription opened and per subscription closed, never a token in any of them.
 */
class AccessLogTest {

    /** A filter the events of {@link ServerFixture#body} pass. */
    private static final String HANDLER = "handler_ids=557d54ec-29ad-4f3c-93b4-c9092ef12515";

    @TempDir
    static Path dir;
    static Tokens keys;
    static ServerFixture server;
    final UUID account = UUID.randomUUID();
    final LogCapture log = LogCapture.of(AccessLog.LOGGER);

    @BeforeAll
    static void start() {
        keys = Tokens.hs256();
        server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0).auth(AuthMode.JWT)
                .jwtHs256SecretFile(keys.writeSecret(dir)).build()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    /** The lines of the request {@code requestId}, once there are {@code count}. */
    private List<String> awaitLines(String requestId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> log.linesWith("request_id=" + requestId).size() >= count);
        return log.linesWith("request_id=" + requestId);
    }

    @Test
    void publish_isOneHttpLine_withStatusDurationBytesRemoteAndRequestId_andNoToken() {
        String token = keys.token("publish", account);
        String requestId = RequestId.generate();
        String body = ServerFixture.body("{\"seq\":1}");

        HttpResponse<String> response = server.post("/2/publish?access_token=" + token, body,
                LunaHeaders.ACCOUNT_ID, account.toString(), LunaHeaders.REQUEST_ID, requestId,
                "Content-Type", "application/json");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        List<String> lines = awaitLines(requestId, 1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .startsWith("event=http method=POST path=/2/publish status=201 duration_ms=")
                .containsPattern("duration_ms=\\d+\\.\\d ")
                .contains(" bytes_in=" + body.getBytes(StandardCharsets.UTF_8).length + " ")
                .contains(" bytes_out=" + response.body().getBytes(StandardCharsets.UTF_8).length + " ")
                .containsPattern(" remote=127\\.0\\.0\\.1:\\d+ ")
                .endsWith(" request_id=" + requestId)
                .doesNotContain(token).doesNotContain("access_token");
    }

    @Test
    void tokenParameter_isLeftOut_evenPercentEncoded() {
        String requestId = RequestId.generate();

        server.get("/version?access%5Ftoken=s3cr3t&pretty=1&access_token=s3cr3t", LunaHeaders.REQUEST_ID, requestId);

        assertThat(awaitLines(requestId, 1)).singleElement().asString()
                .startsWith("event=http method=GET path=/version?pretty=1 status=200 ").doesNotContain("s3cr3t");
    }

    @Test
    void refusedSubscription_isOneHttpLineWithItsStatus_keepingTheRestOfTheQuery_andNoToken() throws Exception {
        String token = keys.token("subscribe", account);
        String requestId = RequestId.generate();

        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws?gender=7&access_token=" + token
                + "&age__gte=18", Map.of(LunaHeaders.ACCOUNT_ID, account.toString(), LunaHeaders.REQUEST_ID,
                requestId));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains(Integer.toString(ErrorCode.BAD_QUERY_PARAMETERS.code()));
        List<String> lines = awaitLines(requestId, 1);
        assertThat(lines).singleElement().asString()
                .startsWith("event=http method=GET path=/2/ws?gender=7&age__gte=18 status=400 ")
                .doesNotContain(token).doesNotContain("access_token");
        assertThat(log.lines()).noneMatch(line -> line.startsWith("event=ws_") && line.contains(requestId));
    }

    @Test
    void subscription_logsItsOpenWith101_andItsCloseWithCodeMessagesAndBytes_neverTheToken() {
        String token = keys.token("subscribe publish", account);
        String requestId = RequestId.generate();
        TestSubscriber subscriber = server.track(TestSubscriber.connect(server.ws("/2/ws?access_token=" + token
                + "&" + HANDLER), Map.of(LunaHeaders.ACCOUNT_ID, account.toString(), LunaHeaders.REQUEST_ID,
                requestId)));
        assertThat(awaitLines(requestId, 1).get(0)).startsWith(
                "event=ws_open method=GET path=/2/ws?" + HANDLER + " status=101 ");

        server.post("/2/publish", ServerFixture.body("{\"seq\":1}", "{\"seq\":2}"), LunaHeaders.ACCOUNT_ID,
                account.toString(), "Content-Type", "application/json", "Authorization", "Bearer " + token);
        List<String> received = List.of(subscriber.awaitText(), subscriber.awaitText());
        subscriber.socket().sendClose(1000, "bye").join();
        assertThat(subscriber.awaitCloseCode()).isEqualTo(1000);

        List<String> lines = awaitLines(requestId, 2);
        int bytes = received.stream().mapToInt(m -> m.getBytes(StandardCharsets.UTF_8).length).sum();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("event=ws_close path=/2/ws?" + HANDLER + " close=1000 duration_ms=")
                .contains(" messages=2 bytes=" + bytes + " ")
                .containsPattern(" remote=127\\.0\\.0\\.1:\\d+ ")
                .endsWith(" request_id=" + requestId);
        assertThat(log.lines()).noneMatch(line -> line.contains(token) || line.contains("access_token"));
    }
}
