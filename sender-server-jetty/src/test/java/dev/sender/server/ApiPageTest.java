package dev.sender.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.core.ErrorCode;
import dev.sender.server.testing.RawHttp;
import dev.sender.server.testing.ServerFixture;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The page {@code /docs/spec} shows a browser, and the Swagger UI files it loads from {@code /docs/spec/ui/}. */
class ApiPageTest {

    private static ServerFixture server;

    @BeforeAll
    static void start() {
        server = ServerFixture.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void page_loadsSwaggerUiFromTheServer_andTheDocumentAsYaml() {
        HttpResponse<String> page = server.get("/docs/spec", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("src=\"spec/ui/swagger-ui-bundle.js\"", "href=\"spec/ui/swagger-ui.css\"",
                "url: \"spec\"", "application/x-yaml", "validatorUrl: null").doesNotContain("https://");
    }

    @ParameterizedTest
    @CsvSource({
        "swagger-ui-bundle.js, text/javascript; charset=utf-8, SwaggerUIBundle",
        "swagger-ui.css, text/css; charset=utf-8, .swagger-ui",
        "favicon-32x32.png, image/png, PNG"})
    void file_isServedWithItsMediaTypeAndValidator(String name, String mediaType, String content) {
        HttpResponse<String> file = server.get("/docs/spec/ui/" + name);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue(mediaType);
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""));
        assertThat(file.body()).contains(content);
    }

    @Test
    void unchangedFile_isNotModified_withoutABody() throws IOException {
        String etag = server.get("/docs/spec/ui/swagger-ui.css").headers().firstValue("ETag").orElseThrow();

        RawHttp.Answer again = RawHttp.get(server.port(), "/docs/spec/ui/swagger-ui.css",
                Map.of("If-None-Match", "\"0000\", " + etag));
        RawHttp.Answer changed = RawHttp.get(server.port(), "/docs/spec/ui/swagger-ui.css",
                Map.of("If-None-Match", "\"0000\""));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.headers().get("etag")).isEqualTo(etag);
        assertThat(again.body()).isEmpty();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains(".swagger-ui");
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "swagger-initializer.js", "swagger-ui.js", "SWAGGER-UI.CSS", "x",
        "swagger-ui.css/", "a/swagger-ui.css"})
    void fileNotServed_isNotFound(String name) {
        HttpResponse<String> answer = server.get("/docs/spec/ui/" + name);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(ServerFixture.json(answer.body()).get("error_code").asInt())
                .isEqualTo(ErrorCode.RESOURCE_NOT_FOUND.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs/spec/ui/../../openapi.yaml", "/docs/spec/ui/%2e%2e/%2e%2e/version",
        "/docs/spec/ui/..%2F..%2Fversion.properties", "/docs/spec/ui/%2Fetc%2Fpasswd",
        "/docs/spec/ui/..\\..\\version.properties", "/docs/spec/ui/"})
    void pathOutsideTheFiles_reachesNothing(String target) throws IOException {
        RawHttp.Answer answer = RawHttp.get(server.port(), target, Map.of());

        assertThat(answer.status()).as(target).isIn(400, 404);
        assertThat(answer.headers().get("content-type")).as(target).startsWith("application/json");
        assertThat(ServerFixture.json(answer.body()).get("error_code").asInt()).as(target)
                .isIn(ErrorCode.RESOURCE_NOT_FOUND.code(), ErrorCode.BAD_HEADER.code());
    }
}
