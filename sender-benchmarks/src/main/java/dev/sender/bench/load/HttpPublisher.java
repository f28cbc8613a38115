package dev.sender.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Publishes handler events with {@code POST /2/publish} over one keep-alive HTTP/1.1 connection, one event
 * per request, the request bytes prepared once per group and only re-stamped per send.
 */
final class HttpPublisher implements Publisher {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[][] requests;
    private final int[] stampAt;

    HttpPublisher(InetSocketAddress server, UUID account, List<byte[]> events) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(server, 5000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 4096);
        requests = new byte[events.size()][];
        stampAt = new int[events.size()];
        for (int g = 0; g < events.size(); g++) {
            byte[] body = body(events.get(g));
            byte[] head = ("POST /2/publish HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                    + "\r\nContent-Type: application/json\r\nLuna-Account-Id: " + account + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            requests[g] = request;
            stampAt[g] = Payloads.timestampOffset(request, head.length);
        }
    }

    private static byte[] body(byte[] event) {
        String prefix = "{\"events\":[";
        String suffix = "],\"handler_id\":\"bench-handler\",\"event_create_time\":\"2026-11-27T00:00:00Z\","
                + "\"event_end_time\":\"2026-11-27T00:00:01Z\"}";
        byte[] body = new byte[prefix.length() + event.length + suffix.length()];
        System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, body, 0, prefix.length());
        System.arraycopy(event, 0, body, prefix.length(), event.length);
        System.arraycopy(suffix.getBytes(StandardCharsets.US_ASCII), 0, body, prefix.length() + event.length,
                suffix.length());
        return body;
    }

    @Override
    public boolean send(int group, long sequence, long sentNanos) throws IOException {
        byte[] request = requests[group];
        Timestamps.stamp(request, stampAt[group], sentNanos, sequence);
        out.write(request);
        out.flush();
        return readResponse() == 201;
    }

    private int readResponse() throws IOException {
        int status = -1;
        int contentLength = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b == '\n') {
                String text = line.toString().trim();
                line.setLength(0);
                if (text.isEmpty()) {
                    break;
                }
                if (status < 0) {
                    status = Integer.parseInt(text.split(" ")[1]);
                } else if (text.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Integer.parseInt(text.substring(15).trim());
                }
            } else {
                line.append((char) b);
            }
        }
        in.skipNBytes(contentLength);
        return status;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
