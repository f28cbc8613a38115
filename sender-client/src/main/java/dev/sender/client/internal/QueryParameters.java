package dev.sender.client.internal;

import dev.sender.core.Position;
import dev.sender.core.StartAt;
import dev.sender.core.event.EventAttribute;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Raw LUNA query parameters as a query string, the way LUNA's Python client writes {@code connect(**filters)}:
 * lists joined with commas, everything percent-encoded except commas and colons (the server reads {@code %2C} as a
 * comma anyway, so a value can never hold one).
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The raw query string of {@code parameters}, in their iteration order.
     *
     * @throws NullPointerException naming the parameter whose value is null
     * @throws IllegalArgumentException for an empty parameter name
     */
    static String encode(Map<String, ?> parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, ?> entry : parameters.entrySet()) {
            String name = Objects.requireNonNull(entry.getKey(), "parameter name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a raw parameter name must not be empty");
            }
            Object value = Objects.requireNonNull(entry.getValue(), () -> "value of parameter '" + name + "'");
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(escape(name)).append('=');
            List<String> items = new ArrayList<>();
            flatten(value, name, items);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    query.append(',');
                }
                query.append(escape(items.get(i)));
            }
        }
        return query.toString();
    }

    /**
     * The start the history parameters among {@code parameters} ask for (SPEC §9): {@code since} (a position, or
     * empty for every retained event), {@code rewind} (a count of events) or {@code history} ({@code 1}).
     *
     * @return the start; null when none of them is given
     * @throws IllegalArgumentException naming the parameter, for a value that is none of those, or for both
     *     {@code since} and {@code rewind}
     */
    static @Nullable StartAt start(Map<String, ?> parameters) {
        Object since = parameters.get(Resumption.SINCE);
        Object rewind = parameters.get(Resumption.REWIND);
        Object history = parameters.get(Resumption.HISTORY);
        if (history != null && !"1".equals(text(history)) && !Boolean.TRUE.equals(history)) {
            throw new IllegalArgumentException("raw parameter 'history' must be 1, not '" + history + "'");
        }
        if (since != null && rewind != null) {
            throw new IllegalArgumentException("raw parameters 'since' and 'rewind' exclude each other; give one");
        }
        if (since != null) {
            String text = since instanceof Position p ? p.value() : text(since);
            if (!text.isEmpty() && !Position.isWellFormed(text)) {
                throw new IllegalArgumentException("raw parameter 'since' must be a position, not '" + text + "'");
            }
            return StartAt.after(text.isEmpty() ? null : Position.of(text));
        }
        if (rewind != null) {
            String text = text(rewind);
            if (!text.matches("[1-9][0-9]{0,8}")) {
                throw new IllegalArgumentException("raw parameter 'rewind' must be a positive integer, not '" + text
                        + "'");
            }
            return StartAt.last(Integer.parseInt(text));
        }
        return history == null ? null : StartAt.live();
    }

    /** {@code parameters} without the history parameters, which {@link #start} reads. */
    static Map<String, ?> withoutHistory(Map<String, ?> parameters) {
        if (!parameters.containsKey(Resumption.SINCE) && !parameters.containsKey(Resumption.REWIND)
                && !parameters.containsKey(Resumption.HISTORY)) {
            return parameters;
        }
        Map<String, Object> rest = new LinkedHashMap<>(parameters);
        rest.keySet().removeAll(List.of(Resumption.SINCE, Resumption.REWIND, Resumption.HISTORY));
        return rest;
    }

    private static void flatten(Object value, String name, List<String> into) {
        if (value instanceof Iterable<?> iterable) {
            for (Object item : iterable) {
                flatten(Objects.requireNonNull(item, () -> "an item of parameter '" + name + "'"), name, into);
            }
        } else if (value.getClass().isArray()) {
            int length = Array.getLength(value);
            for (int i = 0; i < length; i++) {
                Object item = Array.get(value, i);
                flatten(Objects.requireNonNull(item, () -> "an item of parameter '" + name + "'"), name, into);
            }
        } else {
            into.add(text(value));
        }
    }

    private static String text(Object value) {
        if (value instanceof EventAttribute attribute) {
            return attribute.queryValue();
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            // Plain digits, as Python prints them, never Java's 1.0E-5.
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** Percent-encoding, except for commas and colons, which a query may hold and the server reads alike. */
    private static String escape(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":");
    }
}
