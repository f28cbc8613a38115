package dev.sender.server.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sender.core.ErrorCode;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;

/**
 * {@code /docs/spec} (the OpenAPI document as YAML or as an HTML page) and {@code /docs/dev} (the manual,
 * rendered from the Markdown of {@code docs/} packed with the server).
 */
public final class DocsEndpoint {

    private static final String SPEC = "/dev/sender/server/openapi.yaml";
    private static final String MANUAL = "/dev/sender/server/manual/";
    private static final Pattern PAGE = Pattern.compile("[a-z0-9-]+\\.html");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("href=\"([a-z0-9-]+)\\.md(#[^\"]*)?\"");

    private final byte[] specYaml;
    private final byte[] specHtml;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Parser markdown = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer html = HtmlRenderer.builder().extensions(List.of(TablesExtension.create())).build();

    public DocsEndpoint() {
        byte[] yaml = resource(SPEC);
        if (yaml == null) {
            throw new IllegalStateException("missing resource " + SPEC);
        }
        specYaml = yaml;
        try {
            JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            specHtml = OpenApiPage.render(spec, new String(yaml, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    public void manualRoot(Exchange exchange) {
        String context = org.eclipse.jetty.server.Request.getContextPath(exchange.request());
        exchange.redirect((context == null ? "" : context) + "/docs/dev/index.html");
    }

    public void manualPage(Exchange exchange) {
        String name = exchange.path().substring("/docs/dev/".length());
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
                + "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
                + "line-height:1.5}pre,code{background:#f4f4f4}pre{padding:.5em;overflow:auto}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}</style></head>"
                + "<body><nav><a href=\"index.html\">Sender manual</a></nav>\n" + body + "</body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte @Nullable [] resource(String name) {
        try (InputStream in = DocsEndpoint.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
