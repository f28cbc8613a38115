package dev.sender.core.internal.filter;

import dev.sender.core.filter.Field;
import dev.sender.core.internal.json.JsonBytes;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable trie of the paths subscriptions read, from the message root; leaves carry slots. */
public final class PathTrie {

    static final PathTrie EMPTY = new PathTrie(new Node(), 0, 0);

    final Node root;
    final int slotCount;
    /** Which {@link FieldRegistry} state this trie reflects; later states have greater generations. */
    final int generation;

    private PathTrie(Node root, int slotCount, int generation) {
        this.root = root;
        this.slotCount = slotCount;
        this.generation = generation;
    }

    /** One step of a path; its keys are also kept as UTF-8 bytes, to be compared without decoding. */
    static final class Node {
        final Map<String, Node> keys = new HashMap<>();
        @Nullable Node each;
        int slot = -1;
        byte[][] keyBytes = new byte[0][];
        Node[] children = new Node[0];

        /** The child whose key is the string token {@code [start, end)} of {@code json}, or null. */
        @Nullable Node key(byte[] json, int start, int end) {
            if (JsonBytes.hasEscape(json, start, end)) {
                return keys.get(JsonBytes.decodeString(json, start, end));
            }
            for (int i = 0; i < keyBytes.length; i++) {
                if (JsonBytes.keyEquals(json, start, end, keyBytes[i])) {
                    return children[i];
                }
            }
            return null;
        }

        boolean hasKeys() {
            return !keys.isEmpty();
        }

        void freeze() {
            keyBytes = new byte[keys.size()][];
            children = new Node[keys.size()];
            int i = 0;
            for (Map.Entry<String, Node> entry : keys.entrySet()) {
                keyBytes[i] = entry.getKey().getBytes(StandardCharsets.UTF_8);
                children[i++] = entry.getValue();
            }
            keys.values().forEach(Node::freeze);
            if (each != null) {
                each.freeze();
            }
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

        PathTrie build(int slotCount, int generation) {
            root.freeze();
            return new PathTrie(root, slotCount, generation);
        }
    }
}
