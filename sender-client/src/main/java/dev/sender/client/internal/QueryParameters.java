package dev.sender.client.internal;

import dev.sender.core.event.EventAttribute;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
