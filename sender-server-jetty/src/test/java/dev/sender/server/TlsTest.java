package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sender.core.LunaHeaders;
import dev.sender.core.testkit.TestKeystore;
import dev.sender.server.testing.ServerFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with a TLS keystore speaks HTTPS and WSS only; a keystore it cannot use stops it from starting. */
class TlsTest {

    @TempDir
    static Path dir;
    static TestKeystore keystore;
    static ServerFixture fixture;
    static HttpClient https;

    @BeforeAll
    static void startTlsServer() {
        keystore = TestKeystore.generate(dir);
        fixture = ServerFixture.start(b -> b.settings(SenderSettings.builder().port(0)
                .tlsKeystore(keystore.path()).tlsKeystorePassword(keystore.password()).build()));
        https = HttpClient.newBuilder().sslContext(keystore.trustingContext()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static URI uri(String scheme, String path) {
        return URI.create(scheme + "://localhost:" + fixture.port() + path);
    }

    @Test
    void https_servesTheResources_andUriSaysHttps() throws Exception {
        HttpResponse<String> version = https.send(HttpRequest.newBuilder(uri("https", "/version")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.json(version.body()).has("Version")).isTrue();
        assertThat(fixture.server().uri()).hasScheme("https").hasPort(fixture.port());
    }

    @Test
    void config_masksTheKeystorePassword_andShowsTheKeystore() throws Exception {
        HttpResponse<String> config = https.send(HttpRequest.newBuilder(uri("https", "/config")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(config.body()).doesNotContain(keystore.password());
        assertThat(ServerFixture.json(config.body()).path("tls-keystore-password").asText()).isEqualTo("********");
        assertThat(ServerFixture.json(config.body()).path("tls-keystore").asText())
                .isEqualTo(keystore.path().toString());
    }

    @Test
    void wss_subscriptionReceivesAPublishedEvent() throws Exception {
        UUID account = UUID.randomUUID();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = https.newWebSocketBuilder().header(LunaHeaders.ACCOUNT_ID, account.toString())
                .buildAsync(uri("wss", "/2/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            HttpResponse<String> published = https.send(HttpRequest.newBuilder(uri("https", "/2/publish"))
                    .header(LunaHeaders.ACCOUNT_ID, account.toString()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServerFixture.body("{\"event_id\":\"over-tls\"}")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(published.statusCode()).isEqualTo(201);

            assertThat(received.poll(10, TimeUnit.SECONDS)).contains("over-tls");
        } finally {
            socket.abort();
        }
    }

    @Test
    void plainHttp_toTheTlsPort_fails() {
        Throwable failure = catchThrowable(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(uri("http", "/version")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()));

        if (failure == null) {
            throw new AssertionError("plain HTTP to the TLS port was answered");
        }
        assertThat(failure).isInstanceOf(IOException.class);
    }

    @Test
    void wrongPassword_refusesToBuild_withOneClearLine() {
        SenderSettings settings = SenderSettings.builder().port(0).tlsKeystore(keystore.path())
                .tlsKeystorePassword("not-the-password").build();

        assertThatThrownBy(() -> SenderServer.builder().settings(settings).loadPlugins(false).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot use the TLS keystore " + keystore.path() + ": wrong password");
    }

    @Test
    void missingOrForeignKeystore_refusesToBuild_namingIt() throws IOException {
        Path missing = dir.resolve("missing.p12");
        Path text = Files.writeString(dir.resolve("not-a-keystore.p12"), "hello");

        assertThatThrownBy(() -> SenderServer.builder().settings(SenderSettings.builder().tlsKeystore(missing)
                .build()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot use the TLS keystore " + missing + ": no such file");
        assertThatThrownBy(() -> SenderServer.builder().settings(SenderSettings.builder().tlsKeystore(text)
                .build()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot use the TLS keystore " + text + ": ");
    }

    @Test
    void standalone_withAWrongPassword_isOneLine_andStatus2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = SenderMain.run(new String[] {"--port=0", "--tls-keystore=" + keystore.path(),
            "--tls-keystore-password=wrong"}, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).hasLineCount(1)
                .isEqualTo("sender: cannot use the TLS keystore " + keystore.path() + ": wrong password\n");
    }
}
