package dev.sender.server.internal.service;

import dev.sender.core.Broker;
import dev.sender.core.ErrorCode;
import dev.sender.server.internal.http.Exchange;
import dev.sender.server.internal.metrics.SenderMetrics;
import dev.sender.server.internal.plugins.Plugins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The small service resources: {@code /version}, {@code /plugins}, {@code /metrics}, {@code /healthcheck}. */
public final class ServiceEndpoints {

    /** The API version this server implements. */
    public static final int API_VERSION = 2;
    private static final long HEALTH_TIMEOUT_SECONDS = 5;

    private final Broker broker;
    private final Plugins plugins;
    private final SenderMetrics metrics;
    private final Map<String, Object> version;

    public ServiceEndpoints(Broker broker, Plugins plugins, SenderMetrics metrics) {
        this.broker = broker;
        this.plugins = plugins;
        this.metrics = metrics;
        this.version = Map.of("Version", versionNumbers(projectVersion()));
    }

    /** The project's version, such as {@code 0.1.0} or {@code 0.1.0-SNAPSHOT}. */
    public static String projectVersion() {
        try (InputStream in = ServiceEndpoints.class.getResourceAsStream("/dev/sender/server/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> versionNumbers(String version) {
        String[] parts = version.split("[.-]");
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("api", API_VERSION);
        numbers.put("major", number(parts, 0));
        numbers.put("minor", number(parts, 1));
        numbers.put("patch", number(parts, 2));
        return numbers;
    }

    private static int number(String[] parts, int index) {
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public void version(Exchange exchange) {
        exchange.sendJson(200, version);
    }

    public void plugins(Exchange exchange) {
        exchange.sendJson(200, Map.of("plugins", plugins.describe()));
    }

    public void metrics(Exchange exchange) {
        exchange.sendText(200, "text/plain; version=0.0.4", metrics.scrape());
    }

    public void health(Exchange exchange) {
        long start = System.nanoTime();
        broker.checkHealth().toCompletableFuture().orTimeout(HEALTH_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        exchange.sendJson(200, Map.of("execution_time", (System.nanoTime() - start) / 1e9));
                        return;
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    String why = cause instanceof TimeoutException ? "no answer within " + HEALTH_TIMEOUT_SECONDS + " s"
                            : String.valueOf(cause.getMessage());
                    exchange.sendError(ErrorCode.BROKER_UNAVAILABLE, broker.name() + " broker: " + why);
                });
    }
}
