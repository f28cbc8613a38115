package dev.sender.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sender.client.SenderException;
import dev.sender.core.ErrorCode;
import dev.sender.core.RequestId;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP calls to the server over {@code java.net.http}, every failure turned into a {@link SenderException}. */
final class Http {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String REQUEST_ID = "Luna-Request-Id";
    static final String RESPONSE_REQUEST_ID = "LUNA-Request-Id";
    static final String ACCOUNT_ID = "Luna-Account-Id";
    /** The longest piece of a non-LUNA error body kept as an exception's detail. */
    private static final int MAX_DETAIL = 500;

    private final ClientSettings settings;
    /** The executor of the JDK client, owned here: stopped once closed and no call is in flight. */
    private final ExecutorService executor;
    /** Created on first use: a JDK client starts a selector thread at once. Guarded by {@code this}. */
    private @Nullable HttpClient client;
    /** Calls started and not finished; guarded by {@code this}. */
    private int inFlight;
    /** Guarded by {@code this}. */
    private boolean closed;

    Http(ClientSettings settings, ExecutorService executor) {
        this.settings = settings;
        this.executor = executor;
    }

    /** Starts a call: the JDK client, created if needed. */
    private synchronized HttpClient enter() {
        if (closed) {
            throw new IllegalStateException("the SenderClient is closed");
        }
        if (client == null) {
            client = HttpClient.newBuilder()
                    .executor(executor)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        inFlight++;
        return client;
    }

    /** Ends a call; the last one after {@link #close()} releases the JDK client and its executor. */
    private synchronized void exit() {
        inFlight--;
        if (closed && inFlight == 0) {
            release();
        }
    }

    /**
     * Refuses new calls, and releases the JDK client and its executor once the calls in flight are done (a JDK
     * client whose executor stops under a call never completes that call). Does not wait.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (inFlight == 0) {
            release();
        }
    }

    /**
     * Stops the executor and the JDK client. On Java 21 and later {@code shutdownNow()} stops the client's selector
     * thread at once; on Java 17 that thread ends by itself once the client is garbage-collected.
     */
    private void release() {
        executor.shutdown();
        HttpClient jdk = client;
        client = null;
        if (jdk == null) {
            return;
        }
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(jdk);
        } catch (NoSuchMethodException e) {
            LOG.trace("HttpClient.shutdownNow() needs Java 21; the selector thread ends after garbage collection");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("HttpClient.shutdownNow() failed", e);
        }
    }

    /**
     * {@code POST path} of a JSON {@code body} with {@code headers}; returns the request id of the answer.
     *
     * @throws SenderException for an error answer or no answer
     */
    String postJson(String path, byte[] body, Map<String, String> headers, String requestId) {
        HttpRequest.Builder request = request(settings.http(path, ""), headers, requestId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = send(request.build(), requestId);
        return responseRequestId(response, requestId);
    }

    /**
     * {@code GET path}, answered 200 with a JSON body, which is returned.
     *
     * @throws SenderException for an error answer, no answer, or a body that is not JSON
     */
    JsonNode getJson(String path) {
        String requestId = RequestId.generate();
        HttpRequest.Builder request = request(settings.http(path, ""), Map.of(), requestId)
                .header("Accept", "application/json")
                .GET();
        HttpResponse<byte[]> response = send(request.build(), requestId);
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw unexpected(response, "GET " + path + " answered a body that is not JSON", requestId);
        }
    }

    /** An exception for a successful answer whose body does not read as expected. */
    SenderException unexpected(HttpResponse<?> response, String what, String requestId) {
        return new SenderException(response.statusCode(), 0, "", what, responseRequestId(response, requestId));
    }

    /**
     * The server's error for a WebSocket handshake refused with {@code status}: the same request repeated as a
     * plain GET, which the server validates the same way and answers with its error body. When the repeated
     * request passes validation (the server then asks for an upgrade, {@code 400 12014}) or fails, the handshake's
     * own status is reported without a body.
     */
    SenderException handshakeRefused(URI httpUri, Map<String, String> headers, String requestId, int status,
            @Nullable String handshakeRequestId) {
        String fallbackId = handshakeRequestId != null ? handshakeRequestId : requestId;
        SenderException fallback = new SenderException(status, 0, "",
                "the server refused the WebSocket handshake of " + httpUri.getRawPath() + " with HTTP " + status,
                fallbackId);
        HttpResponse<byte[]> replay;
        try {
            HttpClient jdk = enter();
            try {
                replay = jdk.send(request(httpUri, headers, requestId).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } finally {
                exit();
            }
        } catch (IOException | IllegalStateException e) {
            fallback.addSuppressed(e);
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fallback.addSuppressed(e);
            return fallback;
        }
        SenderException error = error(replay, requestId);
        // A GET that passes validation is answered 12014 (it needs an upgrade): the body says nothing of the refusal.
        if (error == null || error.status() != status || error.errorCode() == 0
                || error.is(ErrorCode.REQUIRED_PARAMETERS_NOT_FOUND)) {
            LOG.debug("handshake of {} refused with {}; the plain GET answered {}", httpUri, status,
                    replay.statusCode());
            return fallback;
        }
        return error;
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header(REQUEST_ID, requestId);
        headers.forEach(request::header);
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest request, String requestId) {
        HttpResponse<byte[]> response;
        HttpClient jdk = enter();
        try {
            response = jdk.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new SenderException(request.method() + " " + request.uri() + ": no connection within "
                    + settings.connectTimeout(), requestId, e);
        } catch (HttpTimeoutException e) {
            throw new SenderException(request.method() + " " + request.uri() + ": no answer within "
                    + settings.requestTimeout(), requestId, e);
        } catch (ConnectException e) {
            throw new SenderException(request.method() + " " + request.uri() + ": cannot connect ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", requestId, e);
        } catch (IOException e) {
            throw new SenderException(request.method() + " " + request.uri() + " failed: " + e, requestId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SenderException(request.method() + " " + request.uri() + " was interrupted", requestId, e);
        } finally {
            exit();
        }
        SenderException error = error(response, requestId);
        if (error != null) {
            throw error;
        }
        return response;
    }

    /** The exception for an error answer, or {@code null} for a 2xx answer. */
    private static @Nullable SenderException error(HttpResponse<byte[]> response, String requestId) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        String responseId = responseRequestId(response, requestId);
        byte[] body = response.body();
        try {
            JsonNode json = MAPPER.readTree(body);
            if (json != null && json.isObject() && json.path("error_code").canConvertToInt()
                    && json.path("error_code").isIntegralNumber()) {
                return new SenderException(status, json.get("error_code").intValue(), json.path("desc").asText(""),
                        json.path("detail").asText(""), responseId);
            }
        } catch (IOException notJson) {
            // reported below with the start of the body
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > MAX_DETAIL) {
            text = text.substring(0, MAX_DETAIL) + "…";
        }
        return new SenderException(status, 0, "", text, responseId);
    }

    private static String responseRequestId(HttpResponse<?> response, String sent) {
        return response.headers().firstValue(RESPONSE_REQUEST_ID).orElse(sent);
    }
}
