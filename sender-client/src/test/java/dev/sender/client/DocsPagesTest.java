package dev.sender.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page of the manual ({@code docs/*.md}) and the README that shows Java is checked by a test that compiles and
 * runs its programs, so that a new page cannot go unchecked.
 */
class DocsPagesTest {

    /** The pages that show Java, and the test that runs it. */
    private static final Map<String, String> CHECKED = Map.of(
            "client.md", "sender-client DocsSnippetsTest",
            "first-five-minutes.md", "sender-client FirstFiveMinutesTest",
            "filters.md", "sender-filters DocsSnippetsTest",
            "server.md", "sender-server-jetty DocsSnippetsTest",
            "scale-out.md", "sender-server-jetty RedisScaleOutTest",
            "history.md", "sender-server-jetty HistoryTest");

    @Test
    void everyPageWithJava_isCheckedByATest() throws IOException {
        Set<String> withJava = new TreeSet<>();
        try (Stream<Path> pages = Stream.concat(Files.list(Path.of("..", "docs")),
                Stream.of(Path.of("..", "README.md")))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).toList()) {
                if (Files.readString(page, StandardCharsets.UTF_8).contains("```java")) {
                    withJava.add(page.getFileName().toString());
                }
            }
        }

        assertThat(withJava).as("pages with ```java blocks; add a test that runs them to CHECKED")
                .isEqualTo(new TreeSet<>(CHECKED.keySet()));
    }

    @Test
    void theFirstFiveMinutes_areLinkedFromTheReadmeAndTheManualsIndex() throws IOException {
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8))
                .contains("(docs/first-five-minutes.md)");
        assertThat(Files.readString(Path.of("..", "docs", "index.md"), StandardCharsets.UTF_8))
                .contains("(first-five-minutes.md)");
    }
}
