package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.testkit.DocSnippets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The programs of docs/server.md, compiled and run ({@link DocSnippets}): an embedded server, and Sender mounted in
 * an application's own Jetty. (docs/scale-out.md's program needs a Redis server: {@link RedisScaleOutTest} runs it.)
 */
class DocsSnippetsTest {

    private static DocSnippets page;

    @BeforeAll
    static void compileThePage() {
        page = DocSnippets.compile(Path.of("..", "docs", "server.md"), Map.of());
    }

    @AfterAll
    static void everyProgramRan() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void embedded_listensOnAFreePort_andAnswersVersion() {
        List<String> printed = page.run("Embedded");

        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).matches("Sender on http://127\\.0\\.0\\.1:\\d+");
        assertThat(printed.get(1)).startsWith("GET /version: {\"Version\":{\"api\":2,");
    }

    @Test
    void mountedInAnApplication_servesBothUnderTheirContextPaths() {
        List<String> printed = page.run("MountedInAnApplication");

        assertThat(printed).hasSize(2);
        assertThat(printed.get(0)).isEqualTo("GET /app/hello: the application");
        assertThat(printed.get(1)).startsWith("GET /sender/version: {\"Version\":{\"api\":2,");
    }
}
