package dev.sender.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket subscriber (the JDK's client) that records what it receives. It reads only while it is not
 * {@linkplain #stall() stalled}, so a test can make it as slow as it likes.
 */
public final class TestSubscriber implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile boolean stalled;
    private volatile WebSocket socket;

    /** Opens a subscription at {@code uri} with {@code headers}; fails when the handshake does. */
    public static TestSubscriber connect(URI uri, Map<String, String> headers) {
        TestSubscriber subscriber = new TestSubscriber();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(TIMEOUT);
        headers.forEach(builder::header);
        subscriber.socket = builder.buildAsync(uri, subscriber).orTimeout(10, TimeUnit.SECONDS).join();
        return subscriber;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        if (!stalled) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.add(StandardCharsets.UTF_8.decode(message).toString());
        webSocket.request(1);
        return null;
    }

    /** Pings with {@code payload} (UTF-8) and waits up to {@code timeout} for the pong that echoes it. */
    public boolean pingAndAwaitPong(String payload, Duration timeout) {
        socket.sendPing(ByteBuffer.wrap(payload.getBytes(StandardCharsets.UTF_8))).join();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                String pong = pongs.poll(left, TimeUnit.NANOSECONDS);
                if (payload.equals(pong)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new int[] {statusCode});
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new int[] {-1});
    }

    /** Stops reading: frames pile up in the server and the network. */
    public void stall() {
        stalled = true;
    }

    /** Reads again. */
    public void resume() {
        stalled = false;
        socket.request(Long.MAX_VALUE);
    }

    /** The next message's text. */
    public String awaitText() {
        try {
            String text = messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(text).as("a message within %s", TIMEOUT).isNotNull();
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message as JSON. */
    public JsonNode awaitJson() {
        try {
            return MAPPER.readTree(awaitText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The next {@code count} messages as JSON. */
    public List<JsonNode> awaitJson(int count) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(awaitJson());
        }
        return out;
    }

    /** Messages received and not yet awaited. */
    public List<String> drain() {
        List<String> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    /** The close code the server sent (-1 when the connection failed without one). */
    public int awaitCloseCode() {
        return closed.orTimeout(TIMEOUT.toSeconds() * 3, TimeUnit.SECONDS).join()[0];
    }

    /** Whether the connection has closed. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** The JDK socket, for sending. */
    public WebSocket socket() {
        return socket;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
