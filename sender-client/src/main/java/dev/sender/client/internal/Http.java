package dev.sender.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sender.client.SenderException;
import dev.sender.core.LunaHeaders;
import dev.sender.core.RequestId;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HTTP calls to the server over {@code java.net.http}, every failure turned into a {@link SenderException}. */
final class Http {

    private static final Logger LOG = LoggerFactory.getLogger(Http.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The request header carrying the bearer token. */
    static final String AUTHORIZATION = "Authorization";
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
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .executor(executor)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (settings.sslContext() != null) {
                builder.sslContext(settings.sslContext());
            }
            client = builder.build();
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
     * The server's error for a WebSocket handshake refused with {@code status}. Tyrus reports the status and
     * headers of a refusal but drops its body, so the same handshake (same URI, headers and request id) is
     * repeated once with {@code java.net.http}, whose refusal keeps the body: the server answers it as it did the
     * first, with its LUNA error. When the repetition is answered otherwise (accepted, say, because a slot freed
     * meanwhile; it is then dropped at once) or fails, the handshake's own status is reported, with error code 0.
     */
    SenderException handshakeRefused(URI webSocketUri, Map<String, String> headers, String requestId, int status,
            @Nullable String handshakeRequestId) {
        String fallbackId = handshakeRequestId != null ? handshakeRequestId : requestId;
        SenderException fallback = new SenderException(status, 0, "",
                "the server refused the WebSocket handshake of " + webSocketUri.getRawPath() + " with HTTP " + status,
                fallbackId);
        HttpResponse<?> refusal;
        try {
            HttpClient jdk = enter();
            try {
                refusal = repeatHandshake(jdk, webSocketUri, headers);
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
        if (refusal == null) {
            LOG.debug("handshake of {} refused with {}; repeated, it was accepted", webSocketUri, status);
            return fallback;
        }
        Object body = refusal.body();
        byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : new byte[0];
        SenderException error = error(refusal.statusCode(), refusal.headers(), bytes, requestId);
        if (error == null || error.status() != status || error.errorCode() == 0) {
            LOG.debug("handshake of {} refused with {}; repeated, it was answered {}", webSocketUri, status,
                    refusal.statusCode());
            return fallback;
        }
        return error;
    }

    /**
     * Opens the WebSocket {@code uri} with {@code java.net.http}; returns the refusal, or {@code null} when the
     * server accepted (the connection is then dropped).
     *
     * @throws IOException when the handshake fails without an answer or takes longer than the request timeout
     */
    private @Nullable HttpResponse<?> repeatHandshake(HttpClient jdk, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        WebSocket.Builder builder = jdk.newWebSocketBuilder().connectTimeout(settings.connectTimeout());
        headers.forEach(builder::header);
        CompletableFuture<WebSocket> opening = builder.buildAsync(uri, new WebSocket.Listener() { });
        try {
            opening.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS).abort();
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse();
            }
            throw new IOException("repeating the handshake failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            opening.cancel(true);
            opening.thenAccept(WebSocket::abort);
            throw new IOException("repeating the handshake took longer than " + settings.requestTimeout(), e);
        }
    }

    private HttpRequest.Builder request(URI uri, Map<String, String> headers, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header(LunaHeaders.REQUEST_ID, requestId);
        headers.forEach(request::header);
        String authorization = settings.authorization(requestId);
        if (authorization != null) {
            request.header(AUTHORIZATION, authorization);
        }
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
        return error(response.statusCode(), response.headers(), response.body(), requestId);
    }

    /** The exception for an answer with {@code status}, {@code headers} and {@code body}; null for a 2xx. */
    private static @Nullable SenderException error(int status, HttpHeaders headers, byte[] body, String requestId) {
        if (status >= 200 && status < 300) {
            return null;
        }
        String responseId = headers.firstValue(LunaHeaders.RESPONSE_REQUEST_ID).orElse(requestId);
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
        return response.headers().firstValue(LunaHeaders.RESPONSE_REQUEST_ID).orElse(sent);
    }
}
