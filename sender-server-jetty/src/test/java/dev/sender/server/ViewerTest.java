package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.core.ErrorCode;
import dev.sender.filters.FilterParameter;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.internal.settings.Settings;
import dev.sender.server.internal.settings.SettingsSource;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The live viewer's resources over HTTP: served only when the setting is on, its files and its catalogue. */
class ViewerTest {

    private static ServerFixture on;
    private static ServerFixture off;

    @BeforeAll
    static void start() {
        on = ServerFixture.start(b -> b.viewer(true));
        off = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        on.close();
        off.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/viewer", "/viewer/", "/viewer/index.html", "/viewer/catalogue.json", "/viewer/viewer.js"})
    void embeddedServer_byDefault_hasNoViewer(String path) {
        HttpResponse<String> answer = off.get(path);

        assertThat(answer.statusCode()).isEqualTo(404);
        JsonNode error = ServerFixture.json(answer.body());
        assertThat(error.get("error_code").asInt()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
        assertThat(error.get("detail").asText()).contains(path, "the viewer is off", "'viewer'");
    }

    @Test
    void standaloneServer_byDefault_hasTheViewer() {
        assertThat(new SettingsSource().valueOrDefault(Settings.VIEWER)).isTrue();
        assertThat(new SettingsSource().set("viewer", "false").valueOrDefault(Settings.VIEWER)).isFalse();
    }

    @Test
    void config_saysWhetherTheViewerIsOn() {
        assertThat(ServerFixture.json(on.get("/config").body()).get("viewer").asBoolean()).isTrue();
        assertThat(ServerFixture.json(off.get("/config").body()).get("viewer").asBoolean()).isFalse();
    }

    @Test
    void viewer_redirectsToItsFolder_whoseIndexIsThePage() throws IOException {
        RawHttp.Answer redirect = RawHttp.get(on.port(), "/viewer", Map.of());
        HttpResponse<String> page = on.get("/viewer/");

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.headers().get("location")).isEqualTo("/viewer/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"viewer.js\"></script>", "<script src=\"form.js\"></script>",
                        "<script src=\"rows.js\"></script>", "href=\"viewer.css\"")
                .doesNotContain("http://", "https://");
        assertThat(on.get("/viewer/index.html").body()).isEqualTo(page.body());
    }

    @ParameterizedTest
    @CsvSource({
        "viewer.js, text/javascript; charset=utf-8, catalogue.json",
        "form.js, text/javascript; charset=utf-8, SenderViewerForm",
        "rows.js, text/javascript; charset=utf-8, SenderViewerRows",
        "viewer.css, text/css; charset=utf-8, content-visibility",
        "icon.svg, image/svg+xml, <svg"})
    void files_areServedWithTheirMediaTypes_andNothingFromElsewhere(String name, String mediaType, String content) {
        HttpResponse<String> file = on.get("/viewer/" + name);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(mediaType);
        assertThat(file.headers().firstValue("ETag")).isPresent();
        assertThat(file.body()).contains(content).doesNotContain("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/viewer/app.js", "/viewer/../../dev/sender/server/openapi.yaml", "/viewer/%2e%2e/config", "/viewer/x/viewer.js"})
    void otherPaths_underTheViewer_areNotFound(String target) throws IOException {
        RawHttp.Answer answer = RawHttp.get(on.port(), target, Map.of());

        assertThat(answer.status()).as(target).isIn(400, 404);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
    }

    @Test
    void catalogue_describesEveryParameterOfBothKinds_asSenderFiltersDoes() {
        HttpResponse<String> answer = on.get("/viewer/catalogue.json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode catalogue = ServerFixture.json(answer.body());
        assertThat(catalogue.get("api_version").asInt()).isEqualTo(2);
        assertThat(catalogue.at("/handler/path").asText()).isEqualTo("/2/ws");
        assertThat(catalogue.at("/general/path").asText()).isEqualTo("/2/general_events/ws");
        assertThat(catalogue.at("/general/user_filters").asBoolean()).isTrue();
        assertThat(names(catalogue.at("/handler/parameters")))
                .containsExactlyElementsOf(HandlerEventFilter.parameters().stream().map(FilterParameter::name).toList());
        assertThat(names(catalogue.at("/general/parameters")))
                .containsExactlyElementsOf(GeneralEventFilter.parameters().stream().map(FilterParameter::name).toList());
    }

    @Test
    void catalogue_carriesChoicesRangesAndLists() {
        JsonNode handler = ServerFixture.json(on.get("/viewer/catalogue.json").body()).at("/handler/parameters");
        JsonNode gender = find(handler, "gender");
        JsonNode apparentAge = find(handler, "apparent_age__gte");
        JsonNode emotions = find(handler, "emotions");
        JsonNode tags = find(handler, "tags");

        assertThat(gender.get("type").asText()).isEqualTo("choice");
        assertThat(gender.get("list").asBoolean()).isFalse();
        assertThat(gender.get("choices").toString())
                .isEqualTo("[{\"value\":\"0\",\"label\":\"female\"},{\"value\":\"1\",\"label\":\"male\"}]");
        assertThat(apparentAge.get("type").asText()).isEqualTo("integer");
        assertThat(apparentAge.get("minimum").asInt()).isZero();
        assertThat(apparentAge.get("maximum").asInt()).isEqualTo(100);
        assertThat(find(handler, "age__gte").has("minimum")).isFalse();
        assertThat(emotions.get("list").asBoolean()).isTrue();
        assertThat(emotions.get("choices")).hasSize(7);
        assertThat(tags.get("max_length").asInt()).isEqualTo(36);
        assertThat(find(handler, "geo_position").get("type").asText()).isEqualTo("geo_box");
    }

    @Test
    void catalogue_followsTheAcceptedApiVersions() {
        try (ServerFixture v3 = ServerFixture.start(b -> b.viewer(true).settings(SenderSettings.builder().port(0)
                .apiVersions(3).build()))) {
            JsonNode catalogue = ServerFixture.json(v3.get("/viewer/catalogue.json").body());

            assertThat(catalogue.get("api_version").asInt()).isEqualTo(3);
            assertThat(catalogue.at("/handler/path").asText()).isEqualTo("/3/ws");
        }
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("name").asText()));
        return names;
    }

    private static JsonNode find(JsonNode parameters, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }
}
