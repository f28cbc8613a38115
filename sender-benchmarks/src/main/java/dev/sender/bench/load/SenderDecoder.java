package dev.sender.bench.load;

import java.nio.ByteBuffer;

/** Every text frame is one Sender message; its first bytes carry the stamp ({@link Timestamps}). */
final class SenderDecoder implements LeanClients.Decoder {

    private final byte[] prefix = new byte[Timestamps.PREFIX];
    private int prefixLength;
    private long length;

    @Override
    public void onData(LeanClients.Connection connection, int opcode, ByteBuffer piece, boolean first, boolean last) {
        if (first) {
            prefixLength = 0;
            length = 0;
        }
        length += piece.remaining();
        int take = Math.min(prefix.length - prefixLength, piece.remaining());
        piece.get(piece.position(), prefix, prefixLength, take);
        prefixLength += take;
        if (last) {
            Timestamps.deliver(connection, prefix, prefixLength, length);
        }
    }
}
