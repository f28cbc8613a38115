package dev.sender.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.server.internal.http.MediaTypes.Choice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content negotiation between two offers, YAML and HTML, by the qualities of an {@code Accept} header. */
class MediaTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/x-yaml | FIRST",
        "application/yaml | FIRST",
        "text/html | SECOND",
        "text/html, application/x-yaml | SECOND",
        "application/x-yaml, text/html | FIRST",
        "text/html;q=0.5, application/x-yaml | FIRST",
        "application/yaml;q=0.2, text/html;q=0.9 | SECOND",
        "text/html;q=0, */* | FIRST",
        "text/html;q=0.1, */* | FIRST",
        "*/* | DEFAULT",
        "*/*;q=0.8 | DEFAULT",
        "text/* | SECOND",
        "application/* | FIRST",
        "application/json | NONE",
        "text/html;q=0, application/x-yaml;q=0 | NONE",
        "TEXT/HTML;level=1 | SECOND"})
    void choice_followsQualities_thenSpecificity_thenOrder(String accept, Choice expected) {
        assertThat(MediaTypes.choose(accept, "application/x-yaml", "text/html")).isEqualTo(expected);
    }
}
