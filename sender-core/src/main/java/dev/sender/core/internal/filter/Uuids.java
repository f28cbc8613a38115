package dev.sender.core.internal.filter;

import java.util.Locale;
import java.util.Set;

/** Case-insensitive UUID comparison; allocates only for the rare event string written with capitals. */
final class Uuids {

    private Uuids() {
    }

    /** Whether {@code candidate} equals, ignoring case, one of {@code lowerCaseUuids}. */
    static boolean contains(Set<String> lowerCaseUuids, String candidate) {
        if (candidate.length() != 36) {
            return false;
        }
        if (lowerCaseUuids.contains(candidate)) {
            return true;
        }
        for (int i = 0; i < 36; i++) {
            char c = candidate.charAt(i);
            if (c >= 'A' && c <= 'F') {
                return lowerCaseUuids.contains(candidate.toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }
}
