package dev.sender.server.internal.service;

import dev.sender.core.ErrorCode;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.MediaTypes;
import dev.sender.server.internal.http.StaticFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * {@code /docs/spec} (the OpenAPI document as YAML, or as a Swagger UI page whose files {@code /docs/spec/ui/}
 * serves from the swagger-ui webjar) and {@code /docs/dev} (the manual, rendered from the Markdown of
 * {@code docs/} packed with the server).
 */
public final class DocsEndpoint {

    private static final String SPEC = "/dev/sender/server/openapi.yaml";
    private static final String SPEC_PAGE = "/dev/sender/server/docs/api.html";
    private static final String SPEC_UI = "/docs/spec/ui/";
    /** The files of the webjar the page loads; the webjar's other files are not served. */
    private static final Set<String> SWAGGER_UI_FILES =
            Set.of("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "favicon-16x16.png");
    private static final String MANUAL = "/dev/sender/server/manual/";
    private static final Pattern PAGE = Pattern.compile("[a-z0-9-]+\\.html");
    private static final Pattern IMAGE = Pattern.compile("images/[a-z0-9-]+\\.png");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("href=\"([a-z0-9-]+)\\.md(#[^\"]*)?\"");

    private final byte[] specYaml;
    private final byte[] specHtml;
    private final StaticFiles swaggerUi = StaticFiles.of("/META-INF/resources/webjars/swagger-ui/"
            + swaggerUiVersion(), SWAGGER_UI_FILES);
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    /** The pictures the manual's pages show, from {@code docs/images/}. */
    private final StaticFiles images = StaticFiles.matching(MANUAL, IMAGE);
    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    /** The documentation resources, read from the classpath. */
    public DocsEndpoint() {
        specYaml = required(SPEC);
        specHtml = required(SPEC_PAGE);
    }

    /**
     * Answers {@code GET /docs/spec}: the document as YAML or the page showing it, as {@code Accept} prefers;
     * {@code 415 12024} when it prefers neither.
     *
     * @param exchange the request
     */
    public void spec(Exchange exchange) {
        String accept = exchange.listHeader("Accept");
        MediaTypes.Choice choice = MediaTypes.choose(accept, "application/x-yaml", "text/html");
        if (choice == MediaTypes.Choice.FIRST) {
            exchange.send(200, "application/x-yaml; charset=utf-8", specYaml);
        } else if (choice == MediaTypes.Choice.SECOND) {
            exchange.send(200, "text/html; charset=utf-8", specHtml);
        } else {
            exchange.sendError(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Accept must be 'application/x-yaml' or 'text/html', got '" + (accept == null ? "" : accept) + "'");
        }
    }

    /**
     * Answers {@code GET /docs/spec/ui/{file}}: a file of Swagger UI, which the page of {@code /docs/spec} loads.
     *
     * @param exchange the request
     */
    public void specUi(Exchange exchange) {
        swaggerUi.serve(exchange, exchange.path().substring(SPEC_UI.length()));
    }

    /**
     * Answers {@code GET /docs/dev}: a redirect to the manual's index page.
     *
     * @param exchange the request
     */
    public void manualRoot(Exchange exchange) {
        String context = org.eclipse.jetty.server.Request.getContextPath(exchange.request());
        exchange.redirect((context == null ? "" : context) + "/docs/dev/index.html");
    }

    /**
     * Answers {@code GET /docs/dev/{page}}: a page of the manual, rendered from its Markdown, or a picture of it.
     *
     * @param exchange the request
     */
    public void manualPage(Exchange exchange) {
        String name = exchange.path().substring("/docs/dev/".length());
        if (name.startsWith("images/")) {
            images.serve(exchange, name);
            return;
        }
        byte[] page = PAGE.matcher(name).matches() ? pages.computeIfAbsent(name, this::render) : null;
        if (page == null || page.length == 0) {
            pages.remove(name);
            exchange.sendError(ErrorCode.RESOURCE_NOT_FOUND, "no manual page '" + name + "'");
            return;
        }
        exchange.send(200, "text/html; charset=utf-8", page);
    }

    private byte[] render(String htmlName) {
        byte[] source = resource(MANUAL + htmlName.replace(".html", ".md"));
        if (source == null) {
            return new byte[0];
        }
        String body = html.render(markdown.parse(new String(source, StandardCharsets.UTF_8)));
        body = MARKDOWN_LINK.matcher(body).replaceAll("href=\"$1.html$2\"");
        String title = htmlName.replace(".html", "");
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sender manual: " + title
                // An empty icon: without one a browser asks for /favicon.ico, which is no resource (404).
                + "</title><link rel=\"icon\" href=\"data:,\"><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
                + "line-height:1.5}pre,code{background:#f4f4f4}pre{padding:.5em;overflow:auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}</style></head>"
                + "<body><nav><a href=\"index.html\">Sender manual</a></nav>\n" + body + "</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String swaggerUiVersion() {
        Properties versions = new Properties();
        try (InputStream in = new ByteArrayInputStream(required("/dev/sender/server/version.properties"))) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions.getProperty("swagger-ui");
    }

    private static byte[] required(String name) {
        byte[] bytes = resource(name);
        if (bytes == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return bytes;
    }

    private static byte @Nullable [] resource(String name) {
        try (InputStream in = DocsEndpoint.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
