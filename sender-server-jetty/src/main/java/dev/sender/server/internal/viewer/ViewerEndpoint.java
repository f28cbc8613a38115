package dev.sender.server.internal.viewer;

import dev.sender.filters.FilterParameter;
import dev.sender.filters.GeneralEventFilter;
import dev.sender.filters.HandlerEventFilter;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.http.Route;
import dev.sender.server.internal.http.StaticFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * {@code /viewer}: a web page that subscribes to events and lists them as they arrive (HTML, CSS and plain
 * JavaScript packed in the jar), and {@code /viewer/catalogue.json}, the filter parameters its form offers, taken
 * from sender-filters so that the form and the server's parser never disagree.
 */
public final class ViewerEndpoint {

    private static final String PREFIX = "/viewer/";
    private static final String PAGE = "index.html";
    private static final Set<String> FILES = Set.of(PAGE, "viewer.css", "viewer.js", "form.js", "rows.js",
            "icon.svg");

    private final StaticFiles files = StaticFiles.of("/dev/sender/server/viewer", FILES);
    private final Map<String, Object> catalogue;

    /**
     * The viewer of a server that accepts {@code apiVersions}.
     *
     * @param apiVersions the API versions the server accepts; the page subscribes with the current one when it
     *     is accepted, else with the highest
     * @param currentApiVersion the API version this server implements
     */
    public ViewerEndpoint(Set<Integer> apiVersions, int currentApiVersion) {
        int version = apiVersions.contains(currentApiVersion) ? currentApiVersion
                : apiVersions.stream().max(Integer::compare).orElse(currentApiVersion);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_version", version);
        body.put("handler", kind("/" + version + "/ws", HandlerEventFilter.parameters(), false));
        body.put("general", kind("/" + version + "/general_events/ws", GeneralEventFilter.parameters(), true));
        this.catalogue = body;
    }

    /**
     * Answers a request for one of the viewer's routes: {@code /viewer} redirects to {@code /viewer/}, which is
     * the page; {@code /viewer/catalogue.json} is the catalogue; other names are the page's files, or 404.
     *
     * @param exchange the request
     * @param route {@link Route#VIEWER}, {@link Route#VIEWER_CATALOGUE} or {@link Route#VIEWER_FILE}
     */
    public void handle(Exchange exchange, Route route) {
        switch (route) {
            case VIEWER -> {
                String context = Request.getContextPath(exchange.request());
                exchange.redirect((context == null ? "" : context) + PREFIX);
            }
            case VIEWER_CATALOGUE -> {
                exchange.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                exchange.sendJson(200, catalogue);
            }
            default -> {
                String name = exchange.path().substring(PREFIX.length());
                files.serve(exchange, name.isEmpty() ? PAGE : name);
            }
        }
    }

    private static Map<String, Object> kind(String path, List<FilterParameter> parameters, boolean userFilters) {
        Map<String, Object> kind = new LinkedHashMap<>();
        kind.put("path", path);
        kind.put("parameters", parameters.stream().map(ViewerEndpoint::parameter).toList());
        kind.put("user_filters", userFilters);
        return kind;
    }

    private static Map<String, Object> parameter(FilterParameter parameter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", parameter.name());
        out.put("type", parameter.type().name().toLowerCase(Locale.ROOT));
        out.put("list", parameter.list());
        if (!parameter.choices().isEmpty()) {
            out.put("choices", parameter.choices());
        }
        if (parameter.minimum() != null) {
            out.put("minimum", parameter.minimum());
        }
        if (parameter.maximum() != null) {
            out.put("maximum", parameter.maximum());
        }
        if (parameter.maxLength() != null) {
            out.put("max_length", parameter.maxLength());
        }
        return out;
    }
}
