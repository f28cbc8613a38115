package dev.sender.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * The NATS client protocol carried in WebSocket frames: {@code MSG} lines and their payloads (which may span
 * frames, and several may share one), {@code PING} answered with {@code PONG}, and a latch released by the
 * first {@code PONG}, which proves the subscription is in place.
 */
final class NatsDecoder implements LeanClients.Decoder {

    private static final ByteBuffer PONG = ByteBuffer.wrap("PONG\r\n".getBytes(StandardCharsets.US_ASCII));

    final CountDownLatch ready = new CountDownLatch(1);
    private final StringBuilder line = new StringBuilder();
    private final byte[] prefix = new byte[64];
    private int prefixLength;
    private long payloadLeft = -1;
    private int trailerLeft;

    @Override
    public void onData(LeanClients.Connection connection, int opcode, ByteBuffer piece, boolean first, boolean last) {
        while (piece.hasRemaining()) {
            if (trailerLeft > 0) {
                piece.get();
                if (--trailerLeft == 0) {
                    connection.receiver().onMessage(connection.id, Timestamps.read(prefix, prefixLength),
                            System.nanoTime());
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
            payloadLeft = Long.parseLong(parts[parts.length - 1]);
            prefixLength = 0;
            if (payloadLeft == 0) {
                payloadLeft = -1;
                trailerLeft = 2;
            }
        } else if (text.equals("PING")) {
            connection.send(2, PONG.duplicate());
        } else if (text.equals("PONG")) {
            ready.countDown();
        }
    }
}
