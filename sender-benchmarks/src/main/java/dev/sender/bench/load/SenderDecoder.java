package dev.sender.bench.load;

import java.nio.ByteBuffer;

/** Every text frame is one Sender message; its first bytes carry the send time. */
final class SenderDecoder implements LeanClients.Decoder {

    private final byte[] prefix = new byte[64];
    private int prefixLength;

    @Override
    public void onData(LeanClients.Connection connection, int opcode, ByteBuffer piece, boolean first, boolean last) {
        if (first) {
            prefixLength = 0;
        }
        int take = Math.min(prefix.length - prefixLength, piece.remaining());
        piece.get(piece.position(), prefix, prefixLength, take);
        prefixLength += take;
        if (last) {
            connection.receiver().onMessage(connection.id, Timestamps.read(prefix, prefixLength), System.nanoTime());
        }
    }
}
