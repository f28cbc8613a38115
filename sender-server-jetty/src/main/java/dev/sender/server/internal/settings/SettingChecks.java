package dev.sender.server.internal.settings;

import java.time.Duration;
import java.util.Objects;

/** The checks {@code SenderSettings.Builder}'s setters make; each failure names the setting. */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** {@code d}, which must be above zero. */
    public static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        require(!d.isNegative() && !d.isZero(), name + " must be positive: " + d);
        return d;
    }

    /** Refuses with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
