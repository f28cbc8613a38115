package dev.sender.core.internal.filter;

/** Case-insensitive UUID comparison without allocating. */
final class Uuids {

    private Uuids() {
    }

    /** Whether {@code candidate} equals, ignoring case, one of {@code lowerCaseUuids}. */
    static boolean contains(String[] lowerCaseUuids, String candidate) {
        if (candidate.length() != 36) {
            return false;
        }
        for (String uuid : lowerCaseUuids) {
            if (uuid.equalsIgnoreCase(candidate)) {
                return true;
            }
        }
        return false;
    }
}
