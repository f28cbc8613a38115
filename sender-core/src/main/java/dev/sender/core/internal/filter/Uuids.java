package dev.sender.core.internal.filter;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Case-insensitive UUID comparison; allocates only for the rare event string written with capitals. */
final class Uuids {

    private Uuids() {
    }

    /** Whether {@code candidate} equals, ignoring case, one of {@code lowerCaseUuids}. */
    static boolean contains(Set<String> lowerCaseUuids, String candidate) {
        String key = key(candidate);
        return key != null && lowerCaseUuids.contains(key);
    }

    /**
     * The form in which {@code candidate} is looked up among lower-case UUIDs: itself, or lowered when it holds
     * a capital A–F; {@code null} when it cannot be a UUID (not 36 characters). {@link #contains} and the filter
     * index both compare through it, so they agree on every string.
     */
    static @Nullable String key(String candidate) {
        if (candidate.length() != 36) {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = candidate.charAt(i);
            if (c >= 'A' && c <= 'F') {
                return candidate.toLowerCase(Locale.ROOT);
            }
        }
        return candidate;
    }
}
