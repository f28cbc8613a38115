package dev.sender.server.internal.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.server.internal.http.Json;
import java.util.Map;

/** Renders an OpenAPI 3 document as a self-contained HTML page: every operation, parameter and response. */
final class OpenApiPage {

    private OpenApiPage() {
    }

    static String render(JsonNode spec, String yaml) {
        StringBuilder out = new StringBuilder(32 * 1024);
        JsonNode info = spec.path("info");
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(info.path("title").asText("API"))).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:70em;margin:2em auto;padding:0 1em;line-height:1.4}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .5em;")
                .append("vertical-align:top;text-align:left}pre{background:#f4f4f4;padding:.5em;overflow:auto}")
                .append(".op{border-top:2px solid #333;margin-top:2em}.method{font-weight:bold;text-transform:uppercase}")
                .append("</style></head><body>\n<h1>").append(escape(info.path("title").asText()))
                .append(" <small>").append(escape(info.path("version").asText())).append("</small></h1>\n<p>")
                .append(escape(info.path("description").asText())).append("</p>\n");
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                operation(out, path.getKey(), op.getKey(), op.getValue(), path.getValue().path("parameters"), spec);
            }
        }
        out.append("<h2>The document</h2><pre>").append(escape(yaml)).append("</pre></body></html>\n");
        return out.toString();
    }

    private static void operation(StringBuilder out, String path, String method, JsonNode op, JsonNode shared,
            JsonNode spec) {
        out.append("<div class=\"op\"><h2><span class=\"method\">").append(escape(method)).append("</span> <code>")
                .append(escape(path)).append("</code></h2>\n<p><b>").append(escape(op.path("summary").asText()))
                .append("</b></p><p>").append(escape(op.path("description").asText())).append("</p>\n");
        if (shared.size() + op.path("parameters").size() > 0) {
            out.append("<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th><th>description</th></tr>\n");
            parameters(out, shared, spec);
            parameters(out, op.path("parameters"), spec);
            out.append("</table>\n");
        }
        JsonNode body = op.path("requestBody");
        if (!body.isMissingNode()) {
            out.append("<p>Request body:</p><pre>").append(escape(pretty(resolve(body, spec)))).append("</pre>\n");
        }
        out.append("<table><tr><th>status</th><th>description</th></tr>\n");
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            out.append("<tr><td>").append(escape(response.getKey())).append("</td><td>")
                    .append(escape(resolve(response.getValue(), spec).path("description").asText()))
                    .append("</td></tr>\n");
        }
        out.append("</table></div>\n");
    }

    private static void parameters(StringBuilder out, JsonNode parameters, JsonNode spec) {
        for (JsonNode reference : parameters) {
            JsonNode p = resolve(reference, spec);
            out.append("<tr><td><code>").append(escape(p.path("name").asText())).append("</code></td><td>")
                    .append(escape(p.path("in").asText())).append("</td><td>")
                    .append(p.path("required").asBoolean() ? "yes" : "no").append("</td><td><code>")
                    .append(escape(compact(p.path("schema")))).append("</code></td><td>")
                    .append(escape(p.path("description").asText())).append("</td></tr>\n");
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode spec) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.asText().startsWith("#/")) {
            return node;
        }
        JsonNode target = spec;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static String compact(JsonNode node) {
        return node.isMissingNode() ? "" : node.toString();
    }

    private static String pretty(JsonNode node) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return node.toString();
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
