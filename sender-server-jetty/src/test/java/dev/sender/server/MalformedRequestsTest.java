package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.ErrorCode;
import dev.sender.core.LunaHeaders;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import dev.sender.server.testing.TestSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a library client would never send, over raw sockets: bodies in other encodings, repeated headers,
 * broken chunked framing, unknown HTTP versions, bad WebSocket handshakes. Each is answered at once with its
 * own LUNA error, never {@code 500}, and nothing of it is published.
 */
class MalformedRequestsTest {

    private static final String ACCOUNT = "6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a11";
    private static final String OTHER_ACCOUNT = "11111111-0c2b-4f33-9b8e-2b1f0f0c8a11";
    /** What of an error detail would name the JSON library rather than the input. */
    private static final Pattern LIBRARY_WORDS =
            Pattern.compile("`|Feature|Constraints|Source|REDACTED|jackson|fasterxml|\\(\\)|\\bat \\[");
    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String publishHead(String account, int length, String extraHeaders) {
        return "POST /2/publish HTTP/1.1\r\nHost: localhost\r\nLuna-Account-Id: " + account
                + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n" + extraHeaders + "\r\n";
    }

    private static RawHttp.Answer publishRaw(byte[] body) throws IOException {
        byte[] head = publishHead(ACCOUNT, body.length, "").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return RawHttp.send(server.port(), request, false);
    }

    private static JsonNode assertError(RawHttp.Answer answer, int status, ErrorCode code, String detailPart) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        assertThat(answer.headers()).containsKey("luna-request-id");
        JsonNode body = ServerFixture.json(answer.body());
        assertThat(body.get("error_code").asInt()).as(answer.body()).isEqualTo(code.code());
        assertThat(body.get("desc").asText()).isEqualTo(code.desc());
        assertThat(body.get("detail").asText()).contains(detailPart);
        return body;
    }

    static Stream<Charset> otherEncodings() {
        return Stream.of("UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-32LE", "UTF-32BE").map(Charset::forName);
    }

    @ParameterizedTest
    @MethodSource("otherEncodings")
    void publishBodyNotInUtf8_isNotJson_atOnce(Charset encoding) throws IOException {
        UUID account = UUID.fromString(ACCOUNT);
        TestSubscriber subscriber = server.subscribe(account, "");

        RawHttp.Answer answer = publishRaw(ServerFixture.body("{\"a\":1}").getBytes(encoding));

        assertError(answer, 400, ErrorCode.NOT_JSON, "UTF-8");
        server.publish(account, "{\"marker\":true}");
        assertThat(subscriber.awaitJson().get("event").has("marker")).isTrue();
    }

    @Test
    void publishBodyWithAUtf8ByteOrderMark_isAccepted() throws IOException {
        byte[] body = ("\uFEFF" + ServerFixture.body("{\"a\":1}")).getBytes(StandardCharsets.UTF_8);

        assertThat(publishRaw(body).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\r\n", " \t\n  \r\n"})
    void publishBodyOfWhitespace_holdsNoData(String body) throws IOException {
        assertError(publishRaw(body.getBytes(StandardCharsets.UTF_8)), 400, ErrorCode.NO_DATA, "whitespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"events\":[{\"a\":NaN}]}", "{\"events\":[{\"a\":Infinity}]}", "[[[[[[[[[[[[[[[[[[[[",
            "{\"events\": /* c */ []}", "{'events':[]}", "{events:[]}", "{\"events\":[1,]}", "{\"a\":\"\u0001\"}",
            "{\"events\":[{\"a\":01}]}", "{\"events\":[{\"a\":\"\\x\"}]}", "{\"events\":[]", "nul", "{\"a\":1}}",
            "\"unterminated"})
    void publishBodyThatIsNotJson_saysWhyInItsOwnWords(String body) throws IOException {
        JsonNode error = assertError(publishRaw(body.getBytes(StandardCharsets.UTF_8)), 400, ErrorCode.NOT_JSON,
                "not valid JSON");

        assertThat(error.get("detail").asText()).doesNotContainPattern(LIBRARY_WORDS);
    }

    @Test
    void publishBodyNestedPastTheLimit_saysHowDeep() throws IOException {
        JsonNode error = assertError(publishRaw(("[".repeat(2000) + "]".repeat(2000)).getBytes()), 400,
                ErrorCode.NOT_JSON, "nested deeper than 1000");

        assertThat(error.get("detail").asText()).doesNotContainPattern(LIBRARY_WORDS);
    }

    @Test
    void publishBodiesBrokenAtRandom_neverNameTheLibrary() throws IOException {
        byte[] valid = ServerFixture.body("{\"age\":31.5,\"tags\":[\"a\",\"b\"],\"n\":null,\"t\":true}")
                .getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] broken = valid.clone();
            for (int k = 0; k <= random.nextInt(3); k++) {
                broken[random.nextInt(broken.length)] = (byte) "{}[],:\"\\0aZ-+.e \u00ff".charAt(random.nextInt(17));
            }
            RawHttp.Answer answer = publishRaw(broken);
            assertThat(answer.status()).as(new String(broken, StandardCharsets.ISO_8859_1)).isIn(201, 400);
            if (answer.status() == 400) {
                details.add(ServerFixture.json(answer.body()).get("detail").asText());
            }
        }

        assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d).doesNotContainPattern(LIBRARY_WORDS));
    }

    @Test
    void publishWithTwoDifferentAccounts_isABadHeader_andPublishesNothing() throws IOException {
        TestSubscriber first = server.subscribe(UUID.fromString(ACCOUNT), "");
        TestSubscriber second = server.subscribe(UUID.fromString(OTHER_ACCOUNT), "");
        String body = ServerFixture.body("{\"smuggled\":true}");

        RawHttp.Answer answer = RawHttp.send(server.port(), publishHead(ACCOUNT, body.length(),
                "Luna-Account-Id: " + OTHER_ACCOUNT + "\r\n") + body);

        assertError(answer, 400, ErrorCode.BAD_HEADER, LunaHeaders.ACCOUNT_ID);
        server.publish(UUID.fromString(ACCOUNT), "{\"marker\":1}");
        server.publish(UUID.fromString(OTHER_ACCOUNT), "{\"marker\":2}");
        assertThat(first.awaitJson().get("event").get("marker").asInt()).isEqualTo(1);
        assertThat(second.awaitJson().get("event").get("marker").asInt()).isEqualTo(2);
    }

    @Test
    void publishWithTheSameAccountTwice_isAccepted() throws IOException {
        String body = ServerFixture.body("{\"a\":1}");

        RawHttp.Answer answer = RawHttp.send(server.port(), publishHead(ACCOUNT, body.length(),
                "Luna-Account-Id: " + ACCOUNT + "\r\n") + body);

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void requestWithTwoDifferentRequestIds_isABadHeader() throws IOException {
        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /version HTTP/1.1\r\nHost: localhost\r\n"
                + "Luna-Request-Id: 1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\r\n"
                + "Luna-Request-Id: 1536751345,9b8b5937-2e9c-4e8b-a7a7-5caf86621b5a\r\nConnection: close\r\n\r\n");

        assertError(answer, 400, ErrorCode.BAD_HEADER, LunaHeaders.REQUEST_ID);
    }

    @Test
    void subscribeWithTwoDifferentAccounts_isABadHeader() throws IOException {
        RawHttp.Answer answer = RawHttp.upgrade(server.port(), "/2/ws", Map.of(LunaHeaders.ACCOUNT_ID,
                ACCOUNT + "\r\nLuna-Account-Id: " + OTHER_ACCOUNT));

        assertError(answer, 400, ErrorCode.BAD_HEADER, LunaHeaders.ACCOUNT_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zz", "111111111111111111111", "-5", "5;\u0000"})
    void publishWithABadChunkSize_isBadInput(String size) throws IOException {
        String request = "POST /2/publish HTTP/1.1\r\nHost: localhost\r\nLuna-Account-Id: " + ACCOUNT
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + size
                + "\r\n{\"a\":1}\r\n0\r\n\r\n";

        assertError(RawHttp.send(server.port(), request), 400, ErrorCode.BAD_INPUT_DATA, "chunked");
    }

    @Test
    void publishWhoseChunkedBodyIsCutShort_isBadInput() throws IOException {
        String request = "POST /2/publish HTTP/1.1\r\nHost: localhost\r\nLuna-Account-Id: " + ACCOUNT
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n{\"events\":";

        RawHttp.Answer answer = RawHttp.send(server.port(), request.getBytes(StandardCharsets.US_ASCII), true);

        assertError(answer, 400, ErrorCode.BAD_INPUT_DATA, "chunked");
    }

    @Test
    void publishWhoseBodyStopsArriving_isAnsweredWhenTheConnectionIdles() throws IOException {
        try (ServerFixture quick = ServerFixture.start()) {
            ((ServerConnector) quick.server().jetty().getConnectors()[0]).setIdleTimeout(500);

            RawHttp.Answer answer = RawHttp.send(quick.port(), publishHead(ACCOUNT, 100, "") + "{\"events\":");

            assertError(answer, 408, ErrorCode.BAD_INPUT_DATA, "stopped arriving");
            assertThat(answer.headers().get("connection")).isEqualTo("close");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {" HTTP/9.9", " HTTP/1.12", " HTTP/3.0", ""})
    void unsupportedHttpVersion_is505(String version) throws IOException {
        RawHttp.Answer answer = RawHttp.send(server.port(), "GET /version" + version + "\r\nHost: localhost\r\n\r\n");

        assertError(answer, 505, ErrorCode.BAD_HEADER, "HTTP/1.1");
    }

    @Test
    void requestLineOverTheLimit_isTooLong_andSaysWhy() throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), "/2/ws?sources=" + "a".repeat(100 << 10), Map.of());

        assertError(answer, 414, ErrorCode.BAD_QUERY_PARAMETERS, "over the server's limit");
    }

    private static RawHttp.Answer handshake(String headers) throws IOException {
        return RawHttp.send(server.port(), "GET /2/ws HTTP/1.1\r\nHost: localhost\r\nLuna-Account-Id: " + ACCOUNT
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + headers + "\r\n");
    }

    @Test
    void handshakeWithoutAKey_isRefused() throws IOException {
        assertError(handshake("Sec-WebSocket-Version: 13\r\n"), 400, ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND,
                "Sec-WebSocket-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZSE=", "!!!!!!!!!!!!!!!!!!!!!!==",
            "dGhlIHNhbXBsZSBub25jZQ==dGhl"})
    void handshakeWithAKeyThatIsNot16BytesOfBase64_isABadHeader(String key) throws IOException {
        assertError(handshake("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key + "\r\n"), 400,
                ErrorCode.BAD_HEADER, "Sec-WebSocket-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8"})
    void handshakeOfAnotherWebSocketVersion_needsAnUpgrade_toVersion13(String version) throws IOException {
        RawHttp.Answer answer = handshake("Sec-WebSocket-Version: " + version
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");

        assertError(answer, 426, ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND, "use 13");
        assertThat(answer.headers().get("sec-websocket-version")).isEqualTo("13");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/version", "/healthcheck", "/plugins", "/config", "/metrics", "/docs/dev/index.html",
        "/docs/spec/ui/swagger-ui.css"})
    void head_answersWhereGetDoes_withTheSameHeadAndNoBody(String path) throws IOException {
        RawHttp.Answer get = RawHttp.get(server.port(), path, Map.of());

        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(head).startsWith("HTTP/1.1 " + get.status() + " ").endsWith("\r\n\r\n");
            assertThat(head).containsIgnoringCase("Content-Type: " + get.headers().get("content-type"));
        }
    }

    @Test
    void headOnAPublishResource_isNotAllowed_andNamesPost() {
        var response = server.send(java.net.http.HttpRequest.newBuilder(server.http("/2/publish"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void wrongMethodOnAGetResource_namesGetAndHead() {
        assertThat(server.post("/version", "").headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
