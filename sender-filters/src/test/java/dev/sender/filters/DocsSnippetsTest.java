package dev.sender.filters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.testkit.DocSnippets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The programs of docs/filters.md, compiled and run ({@link DocSnippets}), printing what their comments say. */
class DocsSnippetsTest {

    private static DocSnippets page;

    @BeforeAll
    static void compileThePage() {
        page = DocSnippets.compile(Path.of("..", "docs", "filters.md"), Map.of());
    }

    @AfterAll
    static void everyProgramRan() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void parsing_aQueryAndItsDecodedParameters_givesOneFilter_andABadValueIsNamed() {
        assertThat(page.run("ParsingFilters")).containsExactly("true", "age__gte",
                "Parameter 'age__gte': expected an integer, got 'abc'", "BAD_QUERY_PARAMETERS 12012");
    }

    @Test
    void typedBuilders_printTheCanonicalQueryStrings() {
        assertThat(page.run("TypedBuilders")).containsExactly("sources=cam1,cam2&age__gte=30&gender=1",
                "sources=cam1,cam2&object_similarity__gte=0.8&gender=1&emotions=4,7"
                        + "&geo_position=origin_longitude,36.616,origin_latitude,55.752&upper_clothing_colors=red");
    }

    @Test
    void generalFilters_printTheCanonicalQueryString() {
        assertThat(page.run("GeneralFilters")).containsExactly(
                "event_type=door_opened,door_closed&account_id=904e635f-3a47-4832-b4d6-d2d72ba78451"
                        + "&event.field_1__gt:numeric=36.6&event.field_2.field_3__in=value,none"
                        + "&event.field_4:integer=5");
    }

    @Test
    void toFilter_isTheAndOfOneCoreFilterPerParameter() {
        assertThat(page.run("ToCoreFilter")).first().isEqualTo("true");
    }
}
