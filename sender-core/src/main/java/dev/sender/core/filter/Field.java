package dev.sender.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where in a message a filter reads: a path of keys from the root of the message a subscriber receives
 * (SPEC §2.1 and §2.2), such as {@code handler_id} or {@code event.location.city}.
 *
 * <p>A segment {@value #EACH} stands for every element of an array, so a path can yield several values:
 * {@code event.matches[].label} yields the label of every match. A filter on such a field matches when any of
 * the values matches, unless the field is {@linkplain #max() reduced to its greatest value}.
 *
 * <p>A field may name a {@linkplain #orElse(Field) fallback}: when the primary path holds no value of the type
 * a filter compares with (it is missing, {@code null} or of another JSON type), the filter reads the fallback
 * instead. LUNA filters use it to read detections when the aggregate lacks an attribute.
 *
 * @param path the keys from the message root; {@value #EACH} iterates an array
 * @param maxOnly whether the field stands for the greatest of the numbers at the path
 * @param fallback where to read when the path holds no value of the compared type
 */
public record Field(List<String> path, boolean maxOnly, @Nullable Field fallback) {

    /** The path segment that stands for every element of an array. */
    public static final String EACH = "[]";

    /**
     * Checks and copies the path.
     *
     * @param path the keys from the message root; not empty, starting with a key, no key empty
     * @param maxOnly whether the field stands for the greatest of the numbers at the path
     * @param fallback where to read when the path holds no value of the compared type, or {@code null}
     */
    public Field {
        path = List.copyOf(Objects.requireNonNull(path, "path"));
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        for (String segment : path) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("path must not contain an empty key: " + path);
            }
        }
        if (path.get(0).equals(EACH)) {
            throw new IllegalArgumentException("path must start with a key: " + path);
        }
    }

    /**
     * Parses a dotted path in which a key suffixed with {@code []} iterates an array:
     * {@code Field.of("event.matches[].candidates[].similarity")}.
     *
     * @param dottedPath keys separated by dots, such as {@code event.location.city}
     * @return the field, without fallback
     */
    public static Field of(String dottedPath) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        List<String> segments = new ArrayList<>();
        for (String part : dottedPath.split("\\.", -1)) {
            String key = part;
            int arrays = 0;
            while (key.endsWith(EACH)) {
                key = key.substring(0, key.length() - EACH.length());
                arrays++;
            }
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key in path '" + dottedPath + "'");
            }
            segments.add(key);
            for (int i = 0; i < arrays; i++) {
                segments.add(EACH);
            }
        }
        return new Field(segments, false, null);
    }

    /**
     * A field with the given keys taken literally (no {@code []} notation), for user-supplied paths; a key
     * equal to {@value #EACH} cannot be expressed this way and is refused.
     *
     * @param keys the keys from the message root, each taken as it is, dots included
     * @return the field, without fallback
     */
    public static Field ofKeys(List<String> keys) {
        if (keys.contains(EACH)) {
            throw new IllegalArgumentException("a key cannot be '" + EACH + "': " + keys);
        }
        return new Field(keys, false, null);
    }

    /** {@return this field reduced to the greatest number found at its path} */
    public Field max() {
        return new Field(path, true, fallback);
    }

    /**
     * This field, reading {@code other} when its own path holds no value of the compared type.
     *
     * @param other the fallback field
     * @return a new field with this path and {@code other} as its fallback
     */
    public Field orElse(Field other) {
        return new Field(path, maxOnly, Objects.requireNonNull(other, "other"));
    }

    /** {@return the path in dotted notation, {@code []} marking iterated arrays} */
    public String dottedPath() {
        StringBuilder out = new StringBuilder();
        for (String segment : path) {
            if (!segment.equals(EACH) && out.length() > 0) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        String self = maxOnly ? "max(" + dottedPath() + ")" : dottedPath();
        return fallback == null ? self : self + " ?? " + fallback;
    }
}
