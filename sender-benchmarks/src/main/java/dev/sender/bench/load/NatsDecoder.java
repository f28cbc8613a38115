package dev.sender.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The NATS client protocol, carried in WebSocket frames or read straight from a TCP connection: {@code MSG} lines
 * and their payloads (which may span frames, and several may share one), {@code PING} answered with {@code PONG},
 * and a latch released by the first {@code PONG}, which proves the subscription is in place. A message whose
 * payload is not followed by {@code \r\n} is reported with length -1.
 */
final class NatsDecoder implements LeanClients.Decoder {

    private static final byte[] PONG = "PONG\r\n".getBytes(StandardCharsets.US_ASCII);

    final CountDownLatch ready = new CountDownLatch(1);
    private final StringBuilder line = new StringBuilder();
    private final byte[] prefix = new byte[Timestamps.PREFIX];
    private int prefixLength;
    private long declared;
    private long payloadLeft = -1;
    private int trailerLeft;
    private boolean trailerValid;

    @Override
    public void onData(LeanClients.Connection connection, int opcode, ByteBuffer piece, boolean first, boolean last) {
        while (piece.hasRemaining()) {
            if (trailerLeft > 0) {
                byte b = piece.get();
                trailerValid &= b == (trailerLeft == 2 ? '\r' : '\n');
                if (--trailerLeft == 0) {
                    Timestamps.deliver(connection, prefix, prefixLength, trailerValid ? declared : -1);
                }
            } else if (payloadLeft >= 0) {
                int take = (int) Math.min(payloadLeft, piece.remaining());
                int copy = Math.min(prefix.length - prefixLength, take);
                piece.get(piece.position(), prefix, prefixLength, copy);
                prefixLength += copy;
                piece.position(piece.position() + take);
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    payloadLeft = -1;
                    trailerLeft = 2;
                    trailerValid = true;
                }
            } else {
                char c = (char) piece.get();
                if (c == '\n') {
                    onLine(connection, line.toString().trim());
                    line.setLength(0);
                } else {
                    line.append(c);
                }
            }
        }
    }

    private void onLine(LeanClients.Connection connection, String text) {
        if (text.startsWith("MSG ")) {
            String[] parts = text.split(" ");
            declared = Long.parseLong(parts[parts.length - 1]);
            payloadLeft = declared;
            prefixLength = 0;
            if (payloadLeft == 0) {
                payloadLeft = -1;
                trailerLeft = 2;
                trailerValid = true;
            }
        } else if (text.equals("PING")) {
            connection.send(2, ByteBuffer.wrap(PONG));
        } else if (text.equals("PONG")) {
            ready.countDown();
        }
    }
}
