package dev.sender.server.internal.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sender.server.SenderSettings;
import dev.sender.server.internal.http.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads the standalone server's settings from configuration files, environment variables and command-line
 * options, all with the keys of {@link Settings} ({@code port}, {@code ping-interval}...; as environment
 * variables {@code SENDER_PORT}, {@code SENDER_PING_INTERVAL}...). Later values win; every value is checked when
 * applied, and a bad one is an {@link IllegalArgumentException} naming where it came from.
 */
public final class SettingsSource {

    private final SenderSettings.Builder builder = SenderSettings.builder();
    /** The value given for each setting, parsed; the last one given wins. */
    private final Map<Setting<?>, Object> values = new HashMap<>();

    /** Applies one setting; a bad value or key is an {@link IllegalArgumentException} naming the setting. */
    public SettingsSource set(String key, String value) {
        apply(find(key, ""), value, "setting '" + key + "'");
        return this;
    }

    /** Applies every setting of a {@code .json} or properties file. */
    public SettingsSource file(Path path) throws IOException {
        if (path.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            JsonNode root = Json.MAPPER.readTree(path.toFile());
            if (!root.isObject()) {
                throw new IllegalArgumentException(path + " must hold a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : root.properties()) {
                JsonNode value = e.getValue();
                fileSetting(path, e.getKey(), value.isArray() ? String.join(",", textOf(value)) : value.asText());
            }
        } else {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
            for (String key : properties.stringPropertyNames()) {
                fileSetting(path, key, properties.getProperty(key));
            }
        }
        return this;
    }

    private void fileSetting(Path path, String key, String value) {
        apply(find(key, " in " + path), value, "setting '" + key + "' in " + path);
    }

    private static List<String> textOf(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Applies the variable {@link Setting#environmentVariable()} of every setting found in {@code environment}. */
    public SettingsSource environment(Map<String, String> environment) {
        for (Setting<?> setting : Settings.ALL) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                apply(setting, value, "environment variable " + setting.environmentVariable());
            }
        }
        return this;
    }

    /** Applies command-line options given by key; a bad value is an exception naming the option. */
    public SettingsSource options(Map<String, String> options) {
        options.forEach((key, value) -> {
            Setting<?> setting = find(key, "");
            apply(setting, value, "option '" + setting.option() + "'");
        });
        return this;
    }

    /** The settings of {@link SenderSettings}. */
    public SenderSettings settings() {
        return builder.build();
    }

    /** The value given for {@code setting}; null when none was. */
    public <T> @Nullable T value(Setting<T> setting) {
        @SuppressWarnings("unchecked") // apply stores only values of the setting's type
        T value = (T) values.get(setting);
        return value;
    }

    /**
     * The value given for {@code setting}, or else its default.
     *
     * @param setting the setting
     * @param <T> the type of its values
     * @return the value; null when neither a value nor a default is there
     */
    public <T> @Nullable T valueOrDefault(Setting<T> setting) {
        T value = value(setting);
        return value != null ? value : setting.defaultValue();
    }

    private static Setting<?> find(String key, String where) {
        return Settings.find(key).orElseThrow(() -> new IllegalArgumentException("unknown setting '" + key + "'"
                + where));
    }

    private <T> void apply(Setting<T> setting, String text, String name) {
        try {
            T value = setting.type().parse(text);
            setting.applyTo(builder, value);
            values.put(setting, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
