package dev.sender.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client will not send (WebSocket upgrades whose refusal
 * must be an ordinary HTTP response).
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * An answer: status, headers (lower-case names) and body.
     *
     * @param status the status code
     * @param headers the headers, names in lower case
     * @param body the body as text
     */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    /** Sends a WebSocket upgrade request for {@code pathAndQuery} with extra {@code headers}. */
    public static Answer upgrade(int port, String pathAndQuery, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        return exchange(port, request, headers);
    }

    /** Sends {@code request} (its first lines) with extra {@code headers}, and reads the answer. */
    private static Answer exchange(int port, StringBuilder request, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Sends {@code request} byte for byte (a request head and whatever body it has) and reads the answer; with
     * {@code endOutput} the socket's output is shut after it, as a client that has nothing more to send does.
     */
    public static Answer send(int port, byte[] request, boolean endOutput) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            if (endOutput) {
                socket.shutdownOutput();
            }
            return read(socket.getInputStream());
        }
    }

    /** Sends {@code request}, written with {@code \r\n} line ends, and reads the answer. */
    public static Answer send(int port, String request) throws IOException {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /** Sends {@code GET target} exactly as written (no normalisation of the path) with extra {@code headers}. */
    public static Answer get(int port, String target, Map<String, String> headers) throws IOException {
        StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n");
        return exchange(port, request, headers);
    }

    /**
     * Completes a WebSocket handshake over a plain socket and hands the socket over: a peer that reads what it
     * is sent and never answers, not even pings.
     */
    public static Socket openSilentPeer(int port, String pathAndQuery, Map<String, String> headers)
            throws IOException {
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
        Answer answer = read(socket.getInputStream());
        if (answer.status() != 101) {
            socket.close();
            throw new IOException("handshake refused: " + answer);
        }
        return socket;
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String body = "";
        if (status != 101 && headers.containsKey("content-length")) {
            byte[] bytes = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new Answer(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
