package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.event.Publication;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service resources of SPEC §1, and routing errors. */
class ServiceResourcesTest {

    private static final String REQUEST_ID =
            "[0-9]{10},[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}";

    private static final List<Publication> SEEN = new CopyOnWriteArrayList<>();
    private static final RecordingBackground BACKGROUND = new RecordingBackground();
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start(b -> b.plugin((EventPlugin) SEEN::add).plugin(BACKGROUND)
                .plugin(new FailingBackground()).describe("redis", "redis://sender:hunter2@cache:6379/0"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ServerFixture.json(response.body());
    }

    @Test
    void version_answersTheApiAndTheProjectVersion() {
        HttpResponse<String> response = server.get("/version");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode version = json(response).get("Version");
        assertThat(version.get("api").asInt()).isEqualTo(2);
        assertThat(version.has("major") && version.has("minor") && version.has("patch")).isTrue();
        assertThat(response.headers().firstValue(LunaHeaders.RESPONSE_REQUEST_ID)).isPresent();
    }

    @Test
    void requestId_givenByTheClient_isEchoed() {
        String id = "1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a";

        assertThat(server.get("/version", LunaHeaders.REQUEST_ID, id).headers().firstValue(LunaHeaders.RESPONSE_REQUEST_ID)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope", "/Version", "/version/", "/2", "/2/wss", "/docs", "/2/general_events"})
    void unknownPath_isNotFound(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
        assertThat(json(response).get("detail").asText()).contains(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//version", "/version%2F", "/2%2Fws", "/docs/dev/..%2Findex.html", "/docs/dev/%2e%2e/x",
            "/ver%zzsion", "/%2e%2e/version", "/version%00"})
    void malformedOrAmbiguousPath_isNotFound_inLunaFormat(String target) throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), target, Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.headers().get("luna-request-id")).matches(REQUEST_ID);
        assertThat(ServerFixture.json(answer.body()).get("error_code").asInt())
                .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
        assertThat(ServerFixture.json(answer.body()).get("desc").asText()).isEqualTo("Resource not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/02/ws", "/02/publish", "/002/general_events/ws", "/02/general_events/publish"})
    void apiVersionWithALeadingZero_isNotFound(String path) {
        HttpResponse<String> response = server.get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
        assertThat(json(response).get("detail").asText()).contains("'0");
    }

    @Test
    void requestHeadOverJettysLimit_isRefusedInLunaFormat_withJettysStatus() throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), "/version", Map.of("X-Big", "b".repeat(64 << 10)));

        assertThat(answer.status()).isEqualTo(431);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.headers().get("luna-request-id")).matches(REQUEST_ID);
        assertThat(ServerFixture.json(answer.body()).get("error_code").asInt()).isEqualTo(ErrorCode.BAD_HEADER.code());
    }

    @Test
    void wrongMethod_isNotAllowed_andNamesTheMethodToUse() {
        HttpResponse<String> response = server.post("/healthcheck", "");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(json(response).get("error_code").asInt()).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/dev", "/docs/dev/"})
    void manualRoot_withOrWithoutItsSlash_redirectsToTheIndex(String path) throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), path, Map.of());

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.headers().get("location")).isEqualTo("/docs/dev/index.html");
    }

    @Test
    void openApiDocument_followsTheQualitiesOfAccept_acrossRepeatedHeaders() throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), "/docs/spec", Map.of("Accept",
                "text/html;q=0.4\r\nAccept: application/yaml;q=0.9"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/x-yaml");
    }

    @Test
    void openApiDocument_asYaml_describesEveryPath() {
        HttpResponse<String> response = server.get("/docs/spec", "Accept", "application/x-yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/x-yaml"));
        assertThat(response.body()).startsWith("openapi: 3");
    }

    @Test
    void openApiDocument_asHtml_isAPage() {
        HttpResponse<String> response = server.get("/docs/spec", "Accept", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("swagger-ui-bundle.js", "</html>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "*/*", "text/plain"})
    void openApiDocument_inAnotherType_isUnsupported(String accept) {
        HttpResponse<String> response = server.get("/docs/spec", "Accept", accept);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error_code").asInt()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE.code());
    }

    @Test
    void manual_redirectsToItsIndex_whichIsHtml() {
        HttpResponse<String> redirect = server.get("/docs/dev");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).contains("/docs/dev/index.html");
        HttpResponse<String> index = server.get("/docs/dev/index.html");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("<h1>Sender manual</h1>").doesNotContain(".md\"");
        assertThat(server.get("/docs/dev/missing.html").statusCode()).isEqualTo(404);
    }

    @Test
    void config_showsEffectiveSettingsWithSecretsMasked() {
        HttpResponse<String> response = server.get("/config");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode config = json(response);
        assertThat(config.get("port").asInt()).isEqualTo(server.port());
        assertThat(config.get("ping-interval").asText()).isEqualTo("PT20S");
        assertThat(config.get("redis").asText()).isEqualTo("redis://sender:********@cache:6379/0");
        assertThat(response.body()).doesNotContain("hunter2");
    }

    @Test
    void config_asText_andUnsupportedType() {
        HttpResponse<String> text = server.get("/config", "Accept", "text/plain");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).contains("ping-interval = PT20S").doesNotContain("hunter2");

        HttpResponse<String> xml = server.get("/config", "Accept", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(json(xml).get("error_code").asInt()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE.code());
    }

    @Test
    void plugins_listsEveryPluginAndWhetherItRuns() {
        JsonNode plugins = json(server.get("/plugins")).get("plugins");

        assertThat(plugins).hasSize(3);
        assertThat(plugins.get(1).get("name").asText()).isEqualTo("RecordingBackground");
        assertThat(plugins.get(1).get("running").asInt()).isEqualTo(1);
        assertThat(plugins.get(2).get("running").asInt()).isZero();
        assertThat(BACKGROUND.broker).isNotNull();
    }

    @Test
    void eventPlugin_seesEveryAcceptedPublication() {
        UUID account = UUID.randomUUID();
        server.publish(account, "{\"for\":\"plugin\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> SEEN.stream()
                .anyMatch(p -> p.requestId() != null && p.size() == 1 && p.toString().contains(account.toString())));
    }

    @Test
    void metrics_countRequestsInLunaNamesAndSendersOwn() {
        server.get("/healthcheck");
        server.get("/nope");

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain"));
        assertThat(response.body())
                .contains("request_count_total{path=\"GET:/healthcheck\",status_code=\"200\"}")
                .contains("errors_count_total{error_code=\"12013\",path=\"GET:unknown\"}")
                .contains("request_duration_seconds_bucket{path=\"GET:/healthcheck\"")
                .contains("sender_subscriptions{kind=\"handler\"}")
                .contains("sender_events_published_total")
                .contains("sender_messages_delivered_total")
                .contains("sender_writes_total")
                .contains("sender_events_filtered_out_total")
                .contains("sender_slow_subscriber_disconnects_total")
                .contains("sender_outbound_queue_bytes")
                .contains("sender_delivery_latency_seconds_bucket");
    }

    @Test
    void healthcheck_answersHowLongTheCheckTook() {
        HttpResponse<String> response = server.get("/healthcheck");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("execution_time").asDouble()).isGreaterThanOrEqualTo(0).isLessThan(5);
    }

    @Test
    void healthcheck_withAClosedBroker_answers502NamingIt() {
        Broker broker = Broker.inMemory();
        try (ServerFixture unhealthy = ServerFixture.start(SenderSettings.ofDefaults(), broker)) {
            broker.close();

            HttpResponse<String> response = unhealthy.get("/healthcheck");

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(json(response).get("detail").asText()).contains("in-memory");
        }
    }

    /** A background plugin that remembers its context. */
    public static final class RecordingBackground implements BackgroundPlugin {
        volatile Broker broker;

        @Override
        public void start(PluginContext context) {
            broker = context.broker();
        }

        @Override
        public void stop() {
            broker = null;
        }
    }

    /** A background plugin that cannot start. */
    public static final class FailingBackground implements BackgroundPlugin {
        @Override
        public void start(PluginContext context) {
            throw new IllegalStateException("this plugin never starts (test)");
        }

        @Override
        public void stop() {
        }
    }
}
