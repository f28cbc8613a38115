package dev.sender.core.internal.filter;

import java.util.Arrays;

/**
 * The values of one event at the paths subscriptions read, extracted once per event and then read by every
 * matcher without allocating. Values of a slot form a linked list of entries.
 */
public final class EventView {

    static final byte NULL = 0;
    static final byte FALSE = 1;
    static final byte TRUE = 2;
    static final byte INT = 3;
    static final byte FLOAT = 4;
    static final byte STRING = 5;
    static final byte OBJECT = 6;
    static final byte ARRAY = 7;
    /** An integer too large for a long: typed as an integer, valued as a double. */
    static final byte BIG_INT = 8;

    private int[] head = new int[0];
    private int[] next = new int[16];
    private byte[] kinds = new byte[16];
    private double[] numbers = new double[16];
    private long[] integers = new long[16];
    private String[] strings = new String[16];
    private int size;

    /** Empties the view and sizes it for {@code slotCount} slots. */
    public void reset(int slotCount) {
        if (head.length < slotCount) {
            head = new int[slotCount];
        }
        Arrays.fill(head, -1);
        Arrays.fill(strings, 0, size, null);
        size = 0;
    }

    void add(int slot, byte kind, double number, String string) {
        add(slot, kind, number, 0, string);
    }

    void add(int slot, byte kind, double number, long integer, String string) {
        if (size == kinds.length) {
            grow();
        }
        kinds[size] = kind;
        numbers[size] = number;
        integers[size] = integer;
        strings[size] = string;
        next[size] = head[slot];
        head[slot] = size;
        size++;
    }

    private void grow() {
        int capacity = kinds.length * 2;
        next = Arrays.copyOf(next, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        integers = Arrays.copyOf(integers, capacity);
        strings = Arrays.copyOf(strings, capacity);
    }

    /** The first entry of {@code slot}, or -1; slots beyond the view (added after extraction) are empty. */
    int first(int slot) {
        return slot < head.length ? head[slot] : -1;
    }

    int next(int entry) {
        return next[entry];
    }

    byte kind(int entry) {
        return kinds[entry];
    }

    double number(int entry) {
        return numbers[entry];
    }

    /** The exact value of an {@link #INT} entry. */
    long integer(int entry) {
        return integers[entry];
    }

    /** Whether the entry is a JSON integer (of any size). */
    boolean isInteger(int entry) {
        byte kind = kinds[entry];
        return kind == INT || kind == BIG_INT;
    }

    /** Whether the entry is a JSON number. */
    boolean isNumber(int entry) {
        byte kind = kinds[entry];
        return kind == INT || kind == BIG_INT || kind == FLOAT;
    }

    String string(int entry) {
        return strings[entry];
    }
}
