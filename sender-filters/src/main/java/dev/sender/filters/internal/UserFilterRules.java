package dev.sender.filters.internal;

import static dev.sender.filters.internal.Problems.invalid;
import static dev.sender.filters.internal.Problems.quote;

import dev.sender.core.filter.Field;
import dev.sender.core.filter.Filter;
import dev.sender.core.filter.Value;
import dev.sender.core.filter.ValueType;
import dev.sender.filters.UserFilter;
import dev.sender.filters.UserFilter.FieldType;
import dev.sender.filters.UserFilter.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grammar of user-filter names ({@code event.<path>[__<op>][:<type>]}), the checks of their values, and
 * their mapping to core filters (SPEC §4).
 */
public final class UserFilterRules {

    /** Every user-filter name starts with this. */
    public static final String PREFIX = "event.";

    private static final String FORM = "expected event.<path>[__<op>][:<type>]";
    private static final String OPERATORS = "eq, ne, gt, gte, lt, lte, in, nin, like";
    private static final String TYPES = "string, integer, numeric, boolean";

    private UserFilterRules() {
    }

    /**
     * Reads the parameter {@code name=value}: the type is what follows the last {@code :}, the operator what
     * follows the last {@code __} before it, and the rest is the dotted path.
     */
    public static UserFilter parse(String name, String value) {
        if (!name.startsWith(PREFIX)) {
            throw invalid(name, "unknown parameter; " + FORM);
        }
        String rest = name;
        FieldType type = FieldType.STRING;
        int colon = rest.lastIndexOf(':');
        if (colon >= PREFIX.length()) {
            String token = rest.substring(colon + 1);
            if (token.isEmpty()) {
                throw invalid(name, "malformed name: missing type after ':'; " + FORM);
            }
            type = FieldType.fromToken(token)
                    .orElseThrow(() -> invalid(name, "unknown type " + quote(token) + "; expected one of " + TYPES));
            rest = rest.substring(0, colon);
        }
        Operator op = Operator.EQ;
        int underscores = rest.lastIndexOf("__");
        if (underscores >= PREFIX.length()) {
            String token = rest.substring(underscores + 2);
            if (token.isEmpty()) {
                throw invalid(name, "malformed name: missing operator after '__'; " + FORM);
            }
            op = Operator.fromToken(token).orElseThrow(
                    () -> invalid(name, "unknown operator " + quote(token) + "; expected one of " + OPERATORS));
            rest = rest.substring(0, underscores);
        }
        List<String> path = splitPath(name, rest.substring(PREFIX.length()));
        checkPath(name, path);
        if (value.isEmpty()) {
            throw invalid(name, "empty value");
        }
        List<String> values = op.takesList() ? Arrays.asList(value.split(",", -1)) : List.of(value);
        checkValues(name, op, type, values);
        return new UserFilter(path, op, type, values);
    }

    /** The keys of {@code dottedPath}, split on dots; an empty key is an error naming {@code parameter}. */
    public static List<String> splitPath(String parameter, String dottedPath) {
        List<String> keys = Arrays.asList(dottedPath.split("\\.", -1));
        for (String key : keys) {
            if (key.isEmpty()) {
                throw invalid(parameter, "malformed name: the path " + quote(dottedPath)
                        + " has an empty key; " + FORM);
            }
        }
        return keys;
    }

    /** Checks the keys of a path: at least one, none empty, none holding a dot or reserved. */
    public static void checkPath(String parameter, List<String> path) {
        if (path.isEmpty()) {
            throw invalid(parameter, "malformed name: the path is empty; " + FORM);
        }
        for (String key : path) {
            Problems.requireWellFormed(parameter, key);
            if (key.isEmpty()) {
                throw invalid(parameter, "malformed name: the path has an empty key; " + FORM);
            }
            if (key.indexOf('.') >= 0) {
                throw invalid(parameter, "the key " + quote(key) + " holds a dot, which separates keys");
            }
            if (key.equals(Field.EACH)) {
                throw invalid(parameter, "the key '" + Field.EACH + "' is reserved");
            }
        }
    }

    /**
     * Checks {@code values} against the operator and type and returns them canonical (repeats of a list
     * collapsed).
     */
    public static List<String> checkValues(String parameter, Operator op, FieldType type, List<String> values) {
        if (values.isEmpty()) {
            throw invalid(parameter, "needs a value");
        }
        if (!op.takesList() && values.size() != 1) {
            throw invalid(parameter, "operator '" + op.token() + "' takes one value, got " + values.size());
        }
        switch (op) {
            case GT, GTE, LT, LTE -> {
                if (type != FieldType.INTEGER && type != FieldType.NUMERIC) {
                    throw invalid(parameter, "operator '" + op.token() + "' needs type integer or numeric, not "
                            + type.token());
                }
            }
            case LIKE -> {
                if (type != FieldType.STRING) {
                    throw invalid(parameter, "operator 'like' needs type string, not " + type.token());
                }
            }
            default -> {
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value.isEmpty()) {
                throw invalid(parameter, values.size() == 1 ? "empty value" : "empty item in the list");
            }
            Problems.requireWellFormed(parameter, value);
            if (op.takesList() && value.indexOf(',') >= 0) {
                throw invalid(parameter, "value " + quote(value) + " contains a comma, which an '" + op.token()
                        + "' list cannot carry");
            }
            if (value.equals(UserFilter.NONE)) {
                if (!op.allowsNone()) {
                    throw invalid(parameter, "'none' is allowed only with eq, ne, in and nin, not with '"
                            + op.token() + "'");
                }
            } else {
                convert(parameter, type, value);
            }
            out.add(value);
        }
        return List.copyOf(out);
    }

    /** {@code value} converted to {@code type}; an error naming {@code parameter} when it does not convert. */
    public static Value convert(String parameter, FieldType type, String value) {
        return switch (type) {
            case STRING -> Value.string(value);
            case INTEGER -> {
                Long n = Numbers.parseLong(value);
                if (n == null) {
                    throw invalid(parameter, Numbers.isIntegerSyntax(value)
                            ? "the integer " + quote(value) + " is out of range"
                            : "expected an integer, got " + quote(value));
                }
                yield Value.integer(n);
            }
            case NUMERIC -> {
                Double d = Numbers.parseDecimal(value);
                if (d == null) {
                    throw invalid(parameter, "expected a finite number, got " + quote(value));
                }
                yield Value.number(d);
            }
            case BOOLEAN -> switch (value) {
                case "true" -> Value.bool(true);
                case "false" -> Value.bool(false);
                default -> throw invalid(parameter, "expected true or false, got " + quote(value));
            };
        };
    }

    /** The canonical name: {@code __eq} and {@code :string} only where the path would otherwise misread. */
    public static String name(List<String> path, Operator op, FieldType type) {
        String dotted = String.join(".", path);
        StringBuilder out = new StringBuilder(PREFIX).append(dotted);
        if (op != Operator.EQ || dotted.contains("__")) {
            out.append("__").append(op.token());
        }
        if (type != FieldType.STRING || dotted.indexOf(':') >= 0) {
            out.append(':').append(type.token());
        }
        return out.toString();
    }

    /** {@code event} followed by the keys of {@code path}. */
    public static Field field(List<String> path) {
        List<String> keys = new ArrayList<>(path.size() + 1);
        keys.add("event");
        keys.addAll(path);
        return Field.ofKeys(keys);
    }

    /** The core filter of a checked user filter. */
    public static Filter toFilter(UserFilter filter) {
        Field field = filter.field();
        String name = filter.parameterName();
        FieldType type = filter.type();
        ValueType valueType = type.valueType();
        boolean none = filter.values().contains(UserFilter.NONE);
        List<Value> values = new ArrayList<>();
        for (String v : filter.values()) {
            if (!v.equals(UserFilter.NONE)) {
                values.add(convert(name, type, v));
            }
        }
        return switch (filter.op()) {
            case EQ -> none ? Filter.absent(field) : Filter.eq(field, values.get(0));
            case NE -> none ? Filter.present(field, ValueType.ANY)
                    : Filter.and(Filter.present(field, valueType), Filter.not(Filter.eq(field, values.get(0))));
            case IN -> {
                if (values.isEmpty()) {
                    yield Filter.absent(field);
                }
                yield none ? Filter.or(Filter.in(field, values), Filter.absent(field)) : Filter.in(field, values);
            }
            case NIN -> values.isEmpty() ? Filter.present(field, ValueType.ANY)
                    : Filter.and(Filter.present(field, valueType), Filter.not(Filter.in(field, values)));
            case GT -> Filter.gt(field, values.get(0));
            case GTE -> Filter.gte(field, values.get(0));
            case LT -> Filter.lt(field, values.get(0));
            case LTE -> Filter.lte(field, values.get(0));
            case LIKE -> Filter.like(field, filter.values().get(0));
        };
    }
}
