package dev.sender.core.internal.history;

import dev.sender.core.Position;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The positions one in-memory broker issues: {@code <broker id>:<sequence number>}, with a random id per broker
 * and one sequence across its topics, so that no broker, in this process or a later one, issues a position
 * another one issued; a position of another broker is one this broker never issued. Orders its own positions.
 */
final class MemoryPositions implements Comparator<Position> {

    private static final int ID_LENGTH = 12;

    /** The broker's id and the separator. */
    private final String prefix = UUID.randomUUID().toString().replace("-", "").substring(0, ID_LENGTH) + ":";
    /** The sequence number of the latest position issued; 0 before the first. */
    private final AtomicLong issued = new AtomicLong();

    /** The sequence number of a new position, above every one issued before. */
    long next() {
        return issued.incrementAndGet();
    }

    /** The sequence number of the latest position issued; 0 before the first. */
    long issuedSoFar() {
        return issued.get();
    }

    /** The position of sequence number {@code seq}. */
    Position of(long seq) {
        return Position.of(prefix + seq);
    }

    /** The sequence number of {@code position} when this broker issued it, else -1. */
    long issuedSeq(Position position) {
        long seq = seqOf(position);
        return seq <= issued.get() ? seq : -1;
    }

    /** The sequence number {@code position} has in this broker's form, or -1 when it does not have that form. */
    private long seqOf(Position position) {
        String value = position.value();
        int length = value.length() - prefix.length();
        if (!value.startsWith(prefix) || length < 1 || length > 18 || value.charAt(prefix.length()) == '0') {
            return -1;
        }
        long seq = 0;
        for (int i = prefix.length(); i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }

    /** Orders positions of this broker by issue; positions of another come first. */
    @Override
    public int compare(Position a, Position b) {
        return Long.compare(seqOf(a), seqOf(b));
    }
}
