package dev.sender.bench.load;

import java.nio.ByteBuffer;

/**
 * Reads WebSocket frames sent by a server (unmasked) incrementally, handing payload bytes to a
 * {@link FrameHandler} as they arrive, without buffering whole frames.
 */
final class FrameParser {

    /** Receives the frames of one connection. */
    interface FrameHandler {
        /**
         * A piece of a frame's payload; {@code first} on the first piece of a frame, {@code last} on its last
         * (an empty payload gives one call with both).
         */
        void onPayload(int opcode, ByteBuffer piece, boolean first, boolean last);
    }

    private final byte[] header = new byte[10];
    private int headerLength;
    private int headerNeeded = 2;
    private long remaining = -1;
    private int opcode;
    private boolean first;

    /** Consumes every byte of {@code in}. */
    void feed(ByteBuffer in, FrameHandler handler) {
        while (in.hasRemaining()) {
            if (remaining < 0) {
                while (headerLength < headerNeeded && in.hasRemaining()) {
                    header[headerLength++] = in.get();
                    if (headerLength == 2) {
                        int len = header[1] & 0x7F;
                        headerNeeded = len == 126 ? 4 : len == 127 ? 10 : 2;
                    }
                }
                if (headerLength < headerNeeded) {
                    return;
                }
                int len = header[1] & 0x7F;
                long length = len < 126 ? len
                        : len == 126 ? ((header[2] & 0xFF) << 8) | (header[3] & 0xFF)
                        : ByteBuffer.wrap(header, 2, 8).getLong();
                int code = header[0] & 0x0F;
                if (code != 0) {
                    opcode = code;
                }
                remaining = length;
                first = true;
                headerLength = 0;
                headerNeeded = 2;
                if (length == 0) {
                    handler.onPayload(opcode, ByteBuffer.allocate(0), true, true);
                    remaining = -1;
                    continue;
                }
            }
            int take = (int) Math.min(remaining, in.remaining());
            ByteBuffer piece = in.slice();
            piece.limit(take);
            in.position(in.position() + take);
            remaining -= take;
            boolean last = remaining == 0;
            handler.onPayload(opcode, piece, first, last);
            first = false;
            if (last) {
                remaining = -1;
            }
        }
    }
}
