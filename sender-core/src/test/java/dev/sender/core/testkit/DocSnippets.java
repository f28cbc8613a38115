package dev.sender.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks that the Java code of a Markdown guide is code a test compiles and runs, so the guide cannot rot. */
public final class DocSnippets {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private DocSnippets() {
    }

    /**
     * Asserts that every {@code java} code block of {@code guide} appears, line for line (indentation and blank
     * lines aside), in the test source {@code source}.
     *
     * @return how many blocks the guide has
     */
    public static int assertEveryJavaBlockAppearsIn(Path guide, Path source) throws IOException {
        List<String> sourceLines = meaningfulLines(Files.readString(source, StandardCharsets.UTF_8));
        Matcher block = JAVA_BLOCK.matcher(Files.readString(guide, StandardCharsets.UTF_8));
        int blocks = 0;
        while (block.find()) {
            assertThat(Collections.indexOfSubList(sourceLines, meaningfulLines(block.group(1))))
                    .as("this snippet of %s appears in %s:%n%s", guide.getFileName(), source.getFileName(),
                            block.group(1))
                    .isNotNegative();
            blocks++;
        }
        return blocks;
    }

    private static List<String> meaningfulLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
