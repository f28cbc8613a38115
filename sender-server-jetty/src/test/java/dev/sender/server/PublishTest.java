package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.Broker;
import dev.sender.core.BrokerException;
import dev.sender.core.Delivery;
import dev.sender.core.DeliveryStats;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.core.MessageSink;
import dev.sender.core.Subscription;
import dev.sender.core.Topic;
import dev.sender.core.event.Publication;
import dev.sender.core.filter.Filter;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Publishing: every refusal of SPEC §2.5 and §5, and that nothing of a refused request is delivered. */
class PublishTest {

    private static final String JSON = "application/json";
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0).maxBodyBytes(4096).build()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertError(HttpResponse<String> response, int status, int code, String detailPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(JSON));
        assertThat(response.headers().firstValue(LunaHeaders.RESPONSE_REQUEST_ID)).isPresent();
        JsonNode body = ServerFixture.json(response.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(code);
        assertThat(body.get("desc").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).contains(detailPart);
    }

    static Stream<Arguments> refusedHandlerPublishes() {
        String account = UUID.randomUUID().toString();
        String ok = ServerFixture.body("{\"a\":1}");
        return Stream.of(
                Arguments.of(ok, new String[] {"Content-Type", JSON}, 400,
                        ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND.code(), LunaHeaders.ACCOUNT_ID),
                Arguments.of(ok, new String[] {LunaHeaders.ACCOUNT_ID, "x", "Content-Type", JSON}, 400,
                        ErrorCode.BAD_HEADER.code(), "'x'"),
                Arguments.of(ok, new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", "text/plain"}, 400,
                        ErrorCode.BAD_CONTENT_TYPE.code(),
                        "text/plain"),
                Arguments.of(ok, new String[] {LunaHeaders.ACCOUNT_ID, account}, 400,
                        ErrorCode.BAD_CONTENT_TYPE.code(), "Content-Type"),
                Arguments.of("", new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.NO_DATA.code(), "empty"),
                Arguments.of("{\"events\":[", new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.NOT_JSON.code(), "JSON"),
                Arguments.of("[1,]", new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.NOT_JSON.code(),
                        "JSON"),
                Arguments.of("[1] x", new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.NOT_JSON.code(),
                        "JSON"),
                Arguments.of("[1]", new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.BAD_INPUT_DATA.code(),
                        "Path: '',  message: 'must be an object'"),
                Arguments.of("{\"events\":[{}],\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.BAD_INPUT_DATA.code(),
                        "Failed to validate input json. Path: 'handler_id',  message: 'field required'"),
                Arguments.of("{\"events\":[],\"handler_id\":\"h\",\"event_create_time\":\"c\",\"event_end_time\":\"e\"}",
                        new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 400,
                        ErrorCode.BAD_INPUT_DATA.code(),
                        "Path: 'events',  message: 'must not be empty'"),
                Arguments.of(ServerFixture.body("{\"pad\":\"" + "x".repeat(5000) + "\"}"),
                        new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON}, 413,
                        ErrorCode.PAYLOAD_TOO_LARGE.code(), "4096"),
                Arguments.of(ok, new String[] {LunaHeaders.ACCOUNT_ID, account, "Content-Type", JSON, LunaHeaders.REQUEST_ID,
                        "123,abc"}, 400, ErrorCode.BAD_HEADER.code(), LunaHeaders.REQUEST_ID));
    }

    @ParameterizedTest
    @MethodSource("refusedHandlerPublishes")
    void refusedPublish_answersTheLunaErrorAndDeliversNothing(String body, String[] headers, int status, int code,
            String detail) {
        UUID account = UUID.randomUUID();
        TestSubscriber subscriber = server.subscribe(account, "");

        assertError(server.post("/2/publish", body, headers), status, code, detail);

        server.publish(account, "{\"marker\":true}");
        assertThat(subscriber.awaitJson().get("event").get("marker").asBoolean()).isTrue();
    }

    @Test
    void publishRefusedBeforeItsBodyIsRead_closesTheConnection_andSaysSo() {
        HttpResponse<String> refused = server.post("/2/publish", ServerFixture.body("{\"a\":1}"), "Content-Type",
                JSON);

        assertError(refused, 400, ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND.code(), LunaHeaders.ACCOUNT_ID);
        assertThat(refused.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void publishRefusedAfterItsBodyIsRead_keepsTheConnection() {
        HttpResponse<String> refused = server.post("/2/publish", "{\"events\":[]}", LunaHeaders.ACCOUNT_ID,
                UUID.randomUUID().toString(), "Content-Type", JSON);

        assertError(refused, 400, ErrorCode.BAD_INPUT_DATA.code(), "events");
        assertThat(refused.headers().firstValue("Connection")).isEmpty();
    }

    @Test
    void bodyOverTheLimit_sentChunked_isRefused() {
        byte[] big = ServerFixture.body("{\"pad\":\"" + "x".repeat(8000) + "\"}").getBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.http("/2/publish"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

        assertError(server.send(request, LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString(), "Content-Type", JSON), 413,
                ErrorCode.PAYLOAD_TOO_LARGE.code(), "4096");
    }

    @Test
    void contentTypeWithCharset_isAccepted() {
        HttpResponse<String> response = server.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                UUID.randomUUID().toString(), "Content-Type", "application/json; charset=utf-8");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
    }

    static Stream<Arguments> refusedGeneralPublishes() {
        return Stream.of(
                Arguments.of("{\"event\":{}}", 400, ErrorCode.BAD_INPUT_DATA.code(),
                        "Path: 'event_type',  message: 'field required'"),
                Arguments.of("{\"event_type\":\"t\"}", 400, ErrorCode.BAD_INPUT_DATA.code(),
                        "Path: 'event',  message: 'field required'"),
                Arguments.of("{\"event\":{},\"event_type\":\"t\",\"account_id\":\"1\"}", 400,
                        ErrorCode.BAD_INPUT_DATA.code(), "account_id"),
                Arguments.of("nope", 400, ErrorCode.NOT_JSON.code(), "JSON"),
                Arguments.of("null {", 400, ErrorCode.NOT_JSON.code(), "JSON"));
    }

    @ParameterizedTest
    @MethodSource("refusedGeneralPublishes")
    void refusedGeneralPublish_answersTheLunaError(String body, int status, int code, String detail) {
        assertError(server.post("/2/general_events/publish", body, "Content-Type", JSON), status, code, detail);
    }

    @Test
    void generalPublish_isCreated() {
        HttpResponse<String> response = server.post("/2/general_events/publish",
                "{\"event\":{},\"event_type\":\"t\",\"account_id\":\"8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\"}",
                "Content-Type", JSON);

        assertThat(response.statusCode()).isEqualTo(201);
    }

    @Test
    void unsupportedApiVersion_isNotFoundForPublishingToo() {
        assertError(server.post("/1/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID, UUID.randomUUID().toString(),
                "Content-Type", JSON), 404, ErrorCode.RESOURCE_NOT_FOUND.code(), "'1'");
        assertError(server.get("/2/publish"), 405, ErrorCode.METHOD_NOT_ALLOWED.code(), "GET");
    }

    @Test
    void brokerRefusingAPublication_answers29004() {
        try (ServerFixture failing = ServerFixture.start(SenderSettings.ofDefaults(), new RefusingBroker(
                new BrokerException("redis is down")))) {
            assertError(failing.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                    UUID.randomUUID().toString(), "Content-Type", JSON), 500, ErrorCode.PUBLISH_FAILED.code(),
                    "redis is down");
        }
    }

    @Test
    void unexpectedFailure_answersError1WithoutDetailsOfTheCause() {
        try (ServerFixture failing = ServerFixture.start(SenderSettings.ofDefaults(), new RefusingBroker(
                new IllegalStateException("secret internals")))) {
            HttpResponse<String> response = failing.post("/2/publish", ServerFixture.body("{}"), LunaHeaders.ACCOUNT_ID,
                    UUID.randomUUID().toString(), "Content-Type", JSON);

            assertError(response, 500, 1, "Internal server error");
            assertThat(response.body()).doesNotContain("secret");
        }
    }

    /** A broker whose every publication fails with the given error. */
    private record RefusingBroker(RuntimeException failure) implements Broker {
        @Override
        public CompletionStage<Void> publish(Publication publication) {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public Subscription subscribe(Topic topic, Filter filter, MessageSink sink, Delivery delivery) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Void> checkHealth() {
            return CompletableFuture.failedFuture(failure);
        }

        @Override
        public DeliveryStats stats() {
            return new DeliveryStats(0, 0, 0);
        }

        @Override
        public String name() {
            return "refusing";
        }

        @Override
        public void close() {
        }
    }
}
