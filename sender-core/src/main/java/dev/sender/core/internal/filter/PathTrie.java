package dev.sender.core.internal.filter;

import dev.sender.core.filter.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable trie of the paths subscriptions read, from the message root; leaves carry slots. */
public final class PathTrie {

    static final PathTrie EMPTY = new PathTrie(new Node(), 0);

    final Node root;
    final int slotCount;

    private PathTrie(Node root, int slotCount) {
        this.root = root;
        this.slotCount = slotCount;
    }

    /** Whether no path is read at all. */
    public boolean isEmpty() {
        return root.keys.isEmpty();
    }

    /** One step of a path. */
    static final class Node {
        final Map<String, Node> keys = new HashMap<>();
        @Nullable Node each;
        int slot = -1;

        @Nullable Node key(String name) {
            return keys.get(name);
        }

        boolean hasKeys() {
            return !keys.isEmpty();
        }
    }

    static final class Builder {
        private final Node root = new Node();

        void add(List<String> path, int slot) {
            Node node = root;
            for (String segment : path) {
                if (segment.equals(Field.EACH)) {
                    if (node.each == null) {
                        node.each = new Node();
                    }
                    node = node.each;
                } else {
                    node = node.keys.computeIfAbsent(segment, k -> new Node());
                }
            }
            node.slot = slot;
        }

        PathTrie build(int slotCount) {
            return new PathTrie(root, slotCount);
        }
    }
}
