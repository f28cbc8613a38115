package dev.sender.core.internal.filter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paths that live subscriptions read, each with a slot in {@link EventView}. Paths are reference-counted:
 * a path no subscription reads any more leaves the trie and its slot is reused.
 *
 * <p>A dispatcher must read its subscriptions before {@link #snapshot()}: a subscription is published only
 * after the paths it reads are in the registry, so every subscription it sees finds its slots in the snapshot.
 */
public final class FieldRegistry {

    private final Map<List<String>, int[]> slots = new HashMap<>(); // path -> {slot, references}
    private final Deque<Integer> freeSlots = new ArrayDeque<>();
    private int slotCount;
    private int generation;
    private volatile PathTrie snapshot = PathTrie.EMPTY;

    /** The current trie of paths, and the number of slots a view needs. */
    public PathTrie snapshot() {
        return snapshot;
    }

    /** The slot of {@code path}, adding it when no one reads it yet. */
    synchronized int acquire(List<String> path) {
        int[] entry = slots.get(path);
        if (entry == null) {
            Integer free = freeSlots.poll();
            entry = new int[] {free != null ? free : slotCount++, 0};
            slots.put(path, entry);
            rebuild();
        }
        entry[1]++;
        return entry[0];
    }

    /** Gives back one reference to {@code path}. */
    synchronized void release(List<String> path) {
        int[] entry = slots.get(path);
        if (entry != null && --entry[1] == 0) {
            slots.remove(path);
            freeSlots.push(entry[0]);
            rebuild();
        }
    }

    /** The generation of the current snapshot: a trie holds every path acquired before it was built. */
    synchronized int generation() {
        return generation;
    }

    /** The number of distinct paths read. */
    public synchronized int size() {
        return slots.size();
    }

    private void rebuild() {
        PathTrie.Builder builder = new PathTrie.Builder();
        slots.forEach((path, entry) -> builder.add(path, entry[0]));
        snapshot = builder.build(slotCount, ++generation);
    }
}
