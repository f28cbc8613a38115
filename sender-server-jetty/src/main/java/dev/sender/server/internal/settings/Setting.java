package dev.sender.server.internal.settings;

import dev.sender.server.SenderSettings;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One setting: its key (also the option {@code --key} and, upper-cased, the environment variable
 * {@code SENDER_KEY}), how its values are written, its default, what it means, whether {@code /config} hides it,
 * and where it lives in {@link SenderSettings}. A setting of the standalone server alone (the Redis URI) has no
 * place there: {@link #getter()} and {@link #setter()} are null.
 *
 * @param key the key in files, {@code /config} and, after {@code --}, on the command line
 * @param type how values are parsed, written and shown
 * @param defaultValue the value when none is given; null for none
 * @param secret whether {@code /config} hides the value: the password of a URI, or else the whole value
 * @param description what the setting does, for {@code --help}
 * @param getter the value in {@link SenderSettings}
 * @param setter applies a value to a {@link SenderSettings.Builder}, which checks it
 * @param <T> the type of the values
 */
public record Setting<T>(String key, SettingType<T> type, @Nullable T defaultValue, boolean secret,
        String description, @Nullable Function<SenderSettings, T> getter,
        @Nullable BiConsumer<SenderSettings.Builder, T> setter) {

    /** Checks that a setting of {@link SenderSettings} has both its getter and its setter. */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if ((getter == null) != (setter == null)) {
            throw new IllegalArgumentException("setting '" + key + "' needs both a getter and a setter, or neither");
        }
    }

    /** A setting of {@link SenderSettings}, not secret. */
    static <T> Setting<T> of(String key, SettingType<T> type, T defaultValue, Function<SenderSettings, T> getter,
            BiConsumer<SenderSettings.Builder, T> setter, String description) {
        return new Setting<>(key, type, defaultValue, false, description, getter, setter);
    }

    /** A setting of {@link SenderSettings} without a default, not secret: null in {@link SenderSettings} when unset. */
    static <T> Setting<T> optional(String key, SettingType<T> type, Function<SenderSettings, @Nullable T> getter,
            BiConsumer<SenderSettings.Builder, T> setter, String description) {
        @SuppressWarnings("unchecked") // a getter that may answer null, as the record's nullable default allows
        Function<SenderSettings, T> nullable = (Function<SenderSettings, T>) (Function<?, ?>) getter;
        return new Setting<>(key, type, null, false, description, nullable, setter);
    }

    /** A setting of the standalone server alone, without a default. */
    static <T> Setting<T> standalone(String key, SettingType<T> type, String description) {
        return new Setting<>(key, type, null, false, description, null, null);
    }

    /** A setting of the standalone server alone, with the default {@code --help} shows. */
    static <T> Setting<T> standalone(String key, SettingType<T> type, T defaultValue, String description) {
        return new Setting<>(key, type, defaultValue, false, description, null, null);
    }

    /** This setting with its values hidden by {@code /config}. */
    Setting<T> asSecret() {
        return new Setting<>(key, type, defaultValue, true, description, getter, setter);
    }

    /** The command-line option, {@code --key}. */
    public String option() {
        return "--" + key;
    }

    /** The environment variable, {@code SENDER_} and the key upper-cased with {@code _} for {@code -}. */
    public String environmentVariable() {
        return "SENDER_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The default as it would be written in a file or option; {@code none} when there is none. */
    public String defaultText() {
        return defaultValue == null ? "none" : type.text(defaultValue);
    }

    /** Whether the setting is one of {@link SenderSettings}. */
    public boolean inSenderSettings() {
        return getter != null;
    }

    /** Its value in {@code settings}, as {@code /config} shows it; only for {@link #inSenderSettings()}. */
    public @Nullable Object shownIn(SenderSettings settings) {
        return type.shown(Objects.requireNonNull(getter, key).apply(settings));
    }

    /** Sets {@code value} on {@code builder}, if the setting is one of {@link SenderSettings}. */
    void applyTo(SenderSettings.Builder builder, T value) {
        if (setter != null) {
            setter.accept(builder, value);
        }
    }
}
