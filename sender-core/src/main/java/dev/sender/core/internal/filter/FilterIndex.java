package dev.sender.core.internal.filter;

import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Groups of subscriptions found by the value of one field of their filter, so that an event is checked only
 * against the filters it can pass: a filter that is an {@code In} of strings or UUIDs, or an {@code And} with
 * such an operand, is filed under each of that {@code In}'s values; per event, the values at each indexed path
 * are read once from the {@link EventView} and looked up. A filter's index key only narrows: the caller still
 * evaluates the whole filter of every candidate.
 *
 * <p>An event can pass such a filter only if one of the strings at the path equals one of the string values, or
 * equals one of the UUID values ignoring case ({@link Uuids#key}, as {@link InMatcher} compares): so the lookup
 * finds every group the event can pass. A field with a fallback, reduced to its maximum, or an {@code In} with
 * numbers or booleans is not indexed (its group stays in the caller's scan list).
 *
 * <p>Reading is lock-free: buckets are copy-on-write arrays in concurrent maps, so a change costs
 * O(values of the changed filter). Changes are serialised by the caller.
 *
 * @param <G> the caller's group of subscriptions sharing one filter
 */
public final class FilterIndex<G> {

    private static final FieldIndex[] NO_FIELDS = new FieldIndex[0];
    private static final String[] NO_STRINGS = {};

    private final FieldRegistry registry;
    private final Map<List<String>, FieldIndex> byPath = new HashMap<>();
    /** The indexed paths; copy-on-write. */
    private volatile FieldIndex[] fields = NO_FIELDS;

    /** An index whose paths take their slots in {@code registry}, the one the groups' filters compile against. */
    public FilterIndex(FieldRegistry registry) {
        this.registry = registry;
    }

    /**
     * Where {@code filter} is filed: the {@code In} of strings or UUIDs on a plain field with the fewest values,
     * itself or among the operands of a top-level {@code And}; {@code null} when it has none.
     */
    public static @Nullable Key keyOf(Filter filter) {
        if (filter instanceof Filter.In in) {
            return indexable(in) ? new Key(in) : null;
        }
        if (filter instanceof Filter.And and) {
            Filter.In best = null;
            for (Filter operand : and.filters()) {
                if (operand instanceof Filter.In in && indexable(in)
                        && (best == null || in.values().size() < best.values().size())) {
                    best = in;
                }
            }
            return best == null ? null : new Key(best);
        }
        return null;
    }

    private static boolean indexable(Filter.In in) {
        Field field = in.field();
        if (field.fallback() != null || field.maxOnly()) {
            return false;
        }
        for (Value value : in.values()) {
            if (!(value instanceof Value.Str) && !(value instanceof Value.Uuid)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Files {@code group}, whose filter has just compiled against the registry, under each value of {@code key}.
     * Dispatch skips it for views extracted with a trie older than the registry is now.
     */
    public void add(G group, Key key) {
        FieldIndex field = byPath.get(key.path);
        if (field == null) {
            field = new FieldIndex(key.path, registry.acquire(key.path));
            byPath.put(key.path, field);
            FieldIndex[] next = Arrays.copyOf(fields, fields.length + 1);
            next[next.length - 1] = field;
            fields = next;
        }
        key.field = field;
        Entry entry = new Entry(group, key, registry.generation());
        for (String s : key.strings) {
            field.strings.put(s, append(field.strings.get(s), entry));
        }
        for (String u : key.uuids) {
            field.uuids.put(u, append(field.uuids.get(u), entry));
        }
        field.groups++;
    }

    /** Removes {@code group}, filed under {@code key}. */
    public void remove(G group, Key key) {
        FieldIndex field = key.field;
        if (field == null) {
            return;
        }
        key.field = null;
        for (String s : key.strings) {
            without(field.strings, s, group);
        }
        for (String u : key.uuids) {
            without(field.uuids, u, group);
        }
        if (--field.groups == 0) {
            byPath.remove(key.path);
            FieldIndex[] current = fields;
            FieldIndex[] next = new FieldIndex[current.length - 1];
            int n = 0;
            for (FieldIndex f : current) {
                if (f != field) {
                    next[n++] = f;
                }
            }
            fields = next;
            registry.release(key.path);
        }
    }

    /** Whether any group is filed: when not, dispatch need not read the event for the index. */
    public boolean isEmpty() {
        return fields.length == 0;
    }

    /**
     * Adds to {@code out} every group the event of {@code view} may pass, each once, skipping groups published
     * after {@code trie} (their paths may be missing from the view). Allocates nothing, except to lower a UUID
     * the event spells with capitals.
     */
    public void collect(EventView view, PathTrie trie, Candidates<G> out) {
        for (FieldIndex field : fields) {
            int first = view.first(field.slot);
            for (int e = first; e >= 0; e = view.next(e)) {
                if (view.kind(e) != EventView.STRING) {
                    continue;
                }
                String s = view.string(e);
                Entry[] bucket = field.strings.get(s);
                if (bucket != null) {
                    collect(bucket, view, first, e, null, trie.generation, out);
                }
                String uuid = Uuids.key(s);
                if (uuid != null && (bucket = field.uuids.get(uuid)) != null) {
                    collect(bucket, view, first, e, s, trie.generation, out);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void collect(Entry[] bucket, EventView view, int first, int at, @Nullable String foundAsString,
            int generation, Candidates<G> out) {
        for (Entry entry : bucket) {
            if (entry.generation > generation
                    || foundAsString != null && entry.key.strings.contains(foundAsString)
                    || acceptedBefore(entry.key, view, first, at)) {
                continue; // too new for this view, or already collected through the same or an earlier value
            }
            out.add((G) entry.group);
        }
    }

    /** Whether a string before {@code at} in the slot's entries leads to the same key, and so to the same group. */
    private static boolean acceptedBefore(Key key, EventView view, int first, int at) {
        for (int e = first; e != at; e = view.next(e)) {
            if (view.kind(e) == EventView.STRING && key.accepts(view.string(e))) {
                return true;
            }
        }
        return false;
    }

    private static Entry[] append(Entry @Nullable [] bucket, Entry entry) {
        if (bucket == null) {
            return new Entry[] {entry};
        }
        Entry[] next = Arrays.copyOf(bucket, bucket.length + 1);
        next[bucket.length] = entry;
        return next;
    }

    private static void without(Map<String, Entry[]> map, String value, Object group) {
        Entry[] bucket = map.get(value);
        if (bucket == null) {
            return;
        }
        int at = 0;
        while (at < bucket.length && bucket[at].group != group) {
            at++;
        }
        if (at == bucket.length) {
            return;
        }
        if (bucket.length == 1) {
            map.remove(value);
            return;
        }
        // A group is filed once per value, so once in the bucket.
        Entry[] next = new Entry[bucket.length - 1];
        System.arraycopy(bucket, 0, next, 0, at);
        System.arraycopy(bucket, at + 1, next, at, next.length - at);
        map.put(value, next);
    }

    /** The string and UUID values of one {@code In}, normalised as {@link InMatcher} compares them. */
    public static final class Key {
        final List<String> path;
        final Set<String> strings;
        /** Lower-case UUIDs. */
        final Set<String> uuids;
        /** Where the key is filed while it is; guarded by the caller, as changes are. */
        @Nullable FieldIndex field;

        Key(Filter.In in) {
            path = in.field().path();
            int stringCount = 0;
            for (Value value : in.values()) {
                if (value instanceof Value.Str) {
                    stringCount++;
                }
            }
            int uuidCount = in.values().size() - stringCount;
            String[] stringArray = stringCount == 0 ? NO_STRINGS : new String[stringCount];
            String[] uuidArray = uuidCount == 0 ? NO_STRINGS : new String[uuidCount];
            int s = 0;
            int u = 0;
            for (Value value : in.values()) {
                if (value instanceof Value.Str str) {
                    stringArray[s++] = str.value();
                } else {
                    uuidArray[u++] = ((Value.Uuid) value).lowerCase();
                }
            }
            // Distinct, as the values of the In are.
            strings = Set.of(stringArray);
            uuids = Set.of(uuidArray);
        }

        /** Whether an event string equal to {@code s} passes the {@code In}, exactly as {@link InMatcher} says. */
        boolean accepts(String s) {
            return strings.contains(s) || !uuids.isEmpty() && Uuids.contains(uuids, s);
        }
    }

    /** A reusable list of candidate groups, one per thread; {@link #clear()} after use. */
    public static final class Candidates<G> {
        private Object[] items = new Object[16];
        private int size;

        void add(G group) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = group;
        }

        /** The number of candidates. */
        public int size() {
            return size;
        }

        /** The candidate at {@code i}. */
        @SuppressWarnings("unchecked")
        public G get(int i) {
            return (G) items[i];
        }

        /** Empties the list, dropping its references. */
        public void clear() {
            Arrays.fill(items, 0, size, null);
            size = 0;
        }
    }

    private record Entry(Object group, Key key, int generation) {
    }

    /** The groups filed under the values of one path. */
    private static final class FieldIndex {
        final List<String> path;
        final int slot;
        final ConcurrentHashMap<String, Entry[]> strings = new ConcurrentHashMap<>();
        /** Keyed by lower-case UUID. */
        final ConcurrentHashMap<String, Entry[]> uuids = new ConcurrentHashMap<>();
        /** Groups filed here; guarded by the caller. */
        int groups;

        FieldIndex(List<String> path, int slot) {
            this.path = path;
            this.slot = slot;
        }
    }
}
