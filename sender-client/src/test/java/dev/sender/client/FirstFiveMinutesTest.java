package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.testkit.DocSnippets;
import dev.sender.core.testkit.SnippetRun;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/first-five-minutes.md against a real server: its Java programs compiled and run ({@link DocSnippets}), its
 * {@code curl} publication sent as written (headers and body read from the page), and what the page says the
 * server answers compared with what it does answer.
 */
@Timeout(60)
class FirstFiveMinutesTest {

    private static final Path PAGE = Path.of("..", "docs", "first-five-minutes.md");
    private static final String DOCUMENTED_ORIGIN = "http://127.0.0.1:5080";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestServer server;
    private static DocSnippets page;
    private static String text;

    @BeforeAll
    static void startTheServerAndCompileThePage() throws IOException {
        server = TestServer.start();
        text = Files.readString(PAGE, StandardCharsets.UTF_8);
        page = DocSnippets.compile(PAGE, Map.of(DOCUMENTED_ORIGIN, server.origin().toString()));
    }

    @AfterAll
    static void everyProgramRan_andTheServerStops() {
        try {
            if (page != null) {
                page.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void version_answersWhatThePageSays() throws Exception {
        Matcher answer = Pattern.compile("answers `(\\{\"Version\".*?)`").matcher(text);
        assertThat(answer.find()).as("the page shows the answer of /version").isTrue();

        assertThat(get("/version")).isEqualTo(answer.group(1));
    }

    @Test
    void firstSubscriber_receivesTheManThatCurlPublishes_asThePageShowsIt() throws Exception {
        SnippetRun subscriber = page.start("FirstSubscriber").awaitLine(line -> line.equals("Subscribed to ws://"
                + server.origin().getAuthority() + "/2/ws?gender=1, waiting for an event"), Duration.ofSeconds(20));

        HttpResponse<String> published = publishAsCurlDoes();

        assertThat(published.statusCode()).isEqualTo(201);
        assertThat(published.headers().firstValue("LUNA-Request-Id")).isPresent();
        List<String> printed = subscriber.join(Duration.ofSeconds(20));
        assertThat(printed).hasSize(2);
        assertThat(printed.get(1)).startsWith("Received Carl aged 41: ");
        String message = printed.get(1).substring("Received Carl aged 41: ".length());
        Matcher shown = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL).matcher(text);
        assertThat(shown.find()).as("the page shows the message").isTrue();
        assertThat(message).matches(".*,\"position\":\"[A-Za-z0-9._:-]+\"}");
        assertThat(withoutRequestId(message.replaceAll(",\"position\":\"[^\"]*\"}$", "}")))
                .isEqualTo(withoutRequestId(shown.group(1)));
        assertThat(message).contains("\"Luna-Request-id\":\"" + published.headers().firstValue("LUNA-Request-Id")
                .orElseThrow() + "\"");
    }

    @Test
    void embeddedSender_receivesWhatItPublished() {
        List<String> printed = page.run("EmbeddedSender");

        assertThat(printed).singleElement().asString()
                .startsWith("Received {\"event\":{\"external_id\":\"Eve\"},\"handler_id\":\"my-handler\"")
                .matches(".* from http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void theCoordinatesAndJarNames_areThoseOfThisBuild() throws IOException {
        Matcher version = Pattern.compile("<artifactId>sender-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8));
        assertThat(version.find()).isTrue();

        assertThat(text).contains(
                "<artifactId>sender-bom</artifactId>\n      <version>" + version.group(1) + "</version>",
                "sender-client/target/sender-client-" + version.group(1) + ".jar");
    }

    /** The page's {@code curl ... /2/publish} command, its headers and body as written, sent to the test server. */
    private static HttpResponse<String> publishAsCurlDoes() throws IOException, InterruptedException {
        Matcher curl = Pattern.compile("curl -i " + Pattern.quote(DOCUMENTED_ORIGIN)
                + "(/2/publish) \\\\\\n(.*?)\\n```", Pattern.DOTALL).matcher(text);
        assertThat(curl.find()).as("the page's curl publication").isTrue();
        HttpRequest.Builder request = HttpRequest.newBuilder(server.origin().resolve(curl.group(1)));
        Matcher header = Pattern.compile("-H '([^:]+): ([^']+)'").matcher(curl.group(2));
        while (header.find()) {
            request.header(header.group(1), header.group(2));
        }
        Matcher body = Pattern.compile("-d '([^']+)'").matcher(curl.group(2));
        assertThat(body.find()).as("the body of the page's curl publication").isTrue();
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.origin().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String withoutRequestId(String message) {
        return message.replaceAll("\"Luna-Request-id\":\"[^\"]*\"", "\"Luna-Request-id\":\"...\"");
    }
}
