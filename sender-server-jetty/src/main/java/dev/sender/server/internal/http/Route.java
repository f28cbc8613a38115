package dev.sender.server.internal.http;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The resources of SPEC §1, and how a path resolves to one of them. */
public enum Route {
    VERSION("GET", "/version"),
    SUBSCRIBE_HANDLER("GET", "/{api}/ws"),
    SUBSCRIBE_GENERAL("GET", "/{api}/general_events/ws"),
    PUBLISH_HANDLER("POST", "/{api}/publish"),
    PUBLISH_GENERAL("POST", "/{api}/general_events/publish"),
    DOCS_SPEC("GET", "/docs/spec"),
    DOCS_SPEC_UI("GET", "/docs/spec/ui/{file}"),
    DOCS_DEV("GET", "/docs/dev"),
    DOCS_DEV_PAGE("GET", "/docs/dev/{page}"),
    CONFIG("GET", "/config"),
    PLUGINS("GET", "/plugins"),
    METRICS("GET", "/metrics"),
    HEALTHCHECK("GET", "/healthcheck"),
    VIEWER("GET", "/viewer"),
    VIEWER_CATALOGUE("GET", "/viewer/catalogue.json"),
    VIEWER_FILE("GET", "/viewer/{file}");

    private final String method;
    private final String template;

    Route(String method, String template) {
        this.method = method;
        this.template = template;
    }

    /** The method the resource answers; {@code HEAD} too where it is {@code GET} (RFC 9110 §9.3.2). */
    public String method() {
        return method;
    }

    /** Whether the resource answers {@code requestMethod}. */
    public boolean answers(String requestMethod) {
        return method.equals(requestMethod) || method.equals("GET") && requestMethod.equals("HEAD");
    }

    /** The {@code Allow} header of the resource. */
    public String allow() {
        return method.equals("GET") ? "GET, HEAD" : method;
    }

    /** The path template, as metrics label it. */
    public String template() {
        return template;
    }

    /**
     * What a path resolves to.
     *
     * @param route the resource, or {@code null} when the path names none
     * @param apiVersion the version segment of a versioned path, or 0
     * @param unsupportedVersion the version segment when it names no accepted version, else {@code null}
     */
    public record Resolution(@Nullable Route route, int apiVersion, @Nullable String unsupportedVersion) {
    }

    /** Resolves {@code path} (case-sensitive, no trailing slash) against the accepted API versions. */
    public static Resolution resolve(String path, Set<Integer> apiVersions) {
        switch (path) {
            case "/version": return found(VERSION);
            case "/docs/spec": return found(DOCS_SPEC);
            case "/docs/dev", "/docs/dev/": return found(DOCS_DEV);
            case "/config": return found(CONFIG);
            case "/plugins": return found(PLUGINS);
            case "/metrics": return found(METRICS);
            case "/healthcheck": return found(HEALTHCHECK);
            case "/viewer": return found(VIEWER);
            case "/viewer/catalogue.json": return found(VIEWER_CATALOGUE);
            default: break;
        }
        if (path.startsWith("/docs/dev/") && path.length() > "/docs/dev/".length()) {
            return found(DOCS_DEV_PAGE);
        }
        if (path.startsWith("/viewer/")) {
            return found(VIEWER_FILE);
        }
        if (path.startsWith("/docs/spec/ui/") && path.length() > "/docs/spec/ui/".length()) {
            return found(DOCS_SPEC_UI);
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return new Resolution(null, 0, null);
        }
        Route route = switch (path.substring(slash)) {
            case "/ws" -> SUBSCRIBE_HANDLER;
            case "/general_events/ws" -> SUBSCRIBE_GENERAL;
            case "/publish" -> PUBLISH_HANDLER;
            case "/general_events/publish" -> PUBLISH_GENERAL;
            default -> null;
        };
        String version = path.substring(1, slash);
        if (route == null) {
            return new Resolution(null, 0, null);
        }
        if (!isCanonicalNumber(version)) {
            return new Resolution(null, 0, version);
        }
        int number = Integer.parseInt(version);
        return apiVersions.contains(number) ? new Resolution(route, number, null) : new Resolution(null, 0, version);
    }

    /** Digits without a leading zero, as a version is written: {@code 02} names no version, as {@code v2} does not. */
    private static boolean isCanonicalNumber(String segment) {
        return !segment.isEmpty() && segment.length() <= 9 && segment.chars().allMatch(c -> c >= '0' && c <= '9')
                && !(segment.length() > 1 && segment.charAt(0) == '0');
    }

    private static Resolution found(Route route) {
        return new Resolution(route, 0, null);
    }
}
