package dev.sender.filters.internal;

import static dev.sender.filters.internal.Problems.invalid;
import static dev.sender.filters.internal.Problems.quote;

import dev.sender.core.Uuids;
import dev.sender.core.event.EventAttribute;
import dev.sender.filters.FilterParameter;
import dev.sender.filters.FilterParameter.ValueType;
import dev.sender.filters.GeoBounds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The value codecs of the LUNA parameters. */
public final class Codecs {

    /** The longest tag LUNA accepts, in characters (code points). */
    public static final int MAX_TAG_LENGTH = 36;

    /** Any non-empty text; a list codec further refuses commas in its items. */
    public static final Codec<String> TEXT = new Codec<>() {
        @Override
        public String parse(String parameter, String text) {
            Problems.requireWellFormed(parameter, text);
            return text;
        }

        @Override
        public String check(String parameter, String value) {
            if (value.isEmpty()) {
                throw invalid(parameter, "empty value");
            }
            return parse(parameter, value);
        }

        @Override
        public String format(String value) {
            return value;
        }

        @Override
        public FilterParameter describe(String name) {
            return plain(name, ValueType.TEXT);
        }
    };

    /** A tag: text of at most {@value #MAX_TAG_LENGTH} characters. */
    public static final Codec<String> TAG = new Codec<>() {
        @Override
        public String parse(String parameter, String text) {
            Problems.requireWellFormed(parameter, text);
            if (text.codePointCount(0, text.length()) > MAX_TAG_LENGTH) {
                throw invalid(parameter, "tag " + quote(text) + " is longer than " + MAX_TAG_LENGTH + " characters");
            }
            return text;
        }

        @Override
        public String check(String parameter, String value) {
            return parse(parameter, TEXT.check(parameter, value));
        }

        @Override
        public String format(String value) {
            return value;
        }

        @Override
        public FilterParameter describe(String name) {
            return new FilterParameter(name, ValueType.TEXT, false, List.of(), null, null, MAX_TAG_LENGTH);
        }
    };

    /** A UUID written {@code 8-4-4-4-12} in hexadecimal digits of either case. */
    public static final Codec<UUID> UUID_CODEC = new Codec<>() {
        @Override
        public UUID parse(String parameter, String text) {
            if (!Uuids.isValid(text)) {
                throw invalid(parameter, "expected a UUID (8-4-4-4-12 hexadecimal digits), got " + quote(text));
            }
            return UUID.fromString(text);
        }

        @Override
        public UUID check(String parameter, UUID value) {
            return value;
        }

        @Override
        public String format(UUID value) {
            return value.toString();
        }

        @Override
        public FilterParameter describe(String name) {
            return plain(name, ValueType.UUID);
        }
    };

    /** The {@code geo_position} box. */
    public static final Codec<GeoBounds> GEO = new GeoCodec();

    private Codecs() {
    }

    private static FilterParameter plain(String name, ValueType type) {
        return new FilterParameter(name, type, false, List.of(), null, null, null);
    }

    /** An integer within {@code [min, max]}. */
    public static Codec<Integer> integer(int min, int max) {
        String range = "an integer between " + min + " and " + max;
        return new Codec<>() {
            @Override
            public Integer parse(String parameter, String text) {
                if (!Numbers.isIntegerSyntax(text)) {
                    throw invalid(parameter, "expected an integer, got " + quote(text));
                }
                Long value = Numbers.parseLong(text);
                if (value == null || value < min || value > max) {
                    throw invalid(parameter, "expected " + range + ", got " + quote(text));
                }
                return value.intValue();
            }

            @Override
            public Integer check(String parameter, Integer value) {
                if (value < min || value > max) {
                    throw invalid(parameter, "expected " + range + ", got " + value);
                }
                return value;
            }

            @Override
            public String format(Integer value) {
                return value.toString();
            }

            @Override
            public FilterParameter describe(String name) {
                return new FilterParameter(name, ValueType.INTEGER, false, List.of(),
                        min == Integer.MIN_VALUE ? null : BigDecimal.valueOf(min),
                        max == Integer.MAX_VALUE ? null : BigDecimal.valueOf(max), null);
            }
        };
    }

    /** A finite decimal number within {@code [min, max]}. */
    public static Codec<Double> number(double min, double max) {
        String range = "a number between " + Numbers.format(min) + " and " + Numbers.format(max);
        return new Codec<>() {
            @Override
            public Double parse(String parameter, String text) {
                Double value = Numbers.parseDecimal(text);
                if (value == null) {
                    throw invalid(parameter, "expected a number, got " + quote(text));
                }
                if (value < min || value > max) {
                    throw invalid(parameter, "expected " + range + ", got " + quote(text));
                }
                return value;
            }

            @Override
            public Double check(String parameter, Double value) {
                if (!Double.isFinite(value) || value < min || value > max) {
                    throw invalid(parameter, "expected " + range + ", got " + Numbers.format(value));
                }
                return value + 0.0;
            }

            @Override
            public String format(Double value) {
                return Numbers.format(value);
            }

            @Override
            public FilterParameter describe(String name) {
                return new FilterParameter(name, ValueType.NUMBER, false, List.of(), new BigDecimal(Numbers.format(min)),
                        new BigDecimal(Numbers.format(max)), null);
            }
        };
    }

    /** A constant of a LUNA attribute, written as its query token. */
    public static <E extends Enum<E> & EventAttribute> Codec<E> attribute(Class<E> type) {
        String choices = EnumSet.allOf(type).stream().map(Codecs::describe).collect(Collectors.joining(", "));
        return new Codec<>() {
            @Override
            public E parse(String parameter, String text) {
                return EventAttribute.fromQueryValue(type, text).orElseThrow(
                        () -> invalid(parameter, "expected one of " + choices + ", got " + quote(text)));
            }

            @Override
            public E check(String parameter, E value) {
                return value;
            }

            @Override
            public String format(E value) {
                return value.queryValue();
            }

            @Override
            public FilterParameter describe(String name) {
                List<FilterParameter.Choice> choices = EnumSet.allOf(type).stream().map(constant -> new FilterParameter
                        .Choice(constant.queryValue(), constant.name().toLowerCase(Locale.ROOT))).toList();
                return new FilterParameter(name, ValueType.CHOICE, false, choices, null, null, null);
            }
        };
    }

    private static String describe(Enum<?> constant) {
        String token = ((EventAttribute) constant).queryValue();
        String name = constant.name().toLowerCase(Locale.ROOT);
        return token.equals(name) ? token : token + " (" + name + ")";
    }

    /** A comma-separated list of {@code item}s: no empty item, repeats collapse, first occurrence first. */
    public static <E> Codec<List<E>> list(Codec<E> item) {
        return new Codec<>() {
            @Override
            public List<E> parse(String parameter, String text) {
                Set<E> out = new LinkedHashSet<>();
                for (String piece : text.split(",", -1)) {
                    if (piece.isEmpty()) {
                        throw invalid(parameter, "empty item in " + quote(text));
                    }
                    out.add(item.parse(parameter, piece));
                }
                return List.copyOf(out);
            }

            @Override
            public List<E> check(String parameter, List<E> value) {
                if (value.isEmpty()) {
                    throw invalid(parameter, "needs at least one value");
                }
                Set<E> out = new LinkedHashSet<>();
                for (E element : value) {
                    E checked = item.check(parameter, Objects.requireNonNull(element, parameter));
                    String text = item.format(checked);
                    if (text.indexOf(',') >= 0) {
                        throw invalid(parameter, "value " + quote(text) + " contains a comma, which a list cannot carry");
                    }
                    out.add(checked);
                }
                return List.copyOf(out);
            }

            @Override
            public String format(List<E> value) {
                List<String> parts = new ArrayList<>(value.size());
                for (E element : value) {
                    parts.add(item.format(element));
                }
                return String.join(",", parts);
            }

            @Override
            public FilterParameter describe(String name) {
                return item.describe(name).asList();
            }
        };
    }

    /** {@code origin_longitude,X,origin_latitude,Y[,longitude_delta,DX][,latitude_delta,DY]}, any order. */
    private static final class GeoCodec implements Codec<GeoBounds> {

        private static final String FORM =
                "origin_longitude,X,origin_latitude,Y[,longitude_delta,DX][,latitude_delta,DY]";
        private static final List<String> KEYS =
                List.of("origin_longitude", "origin_latitude", "longitude_delta", "latitude_delta");

        @Override
        public GeoBounds parse(String parameter, String text) {
            String[] pieces = text.split(",", -1);
            for (String piece : pieces) {
                if (piece.isEmpty()) {
                    throw invalid(parameter, "empty item in " + quote(text));
                }
            }
            if (pieces.length % 2 != 0) {
                throw invalid(parameter, "expected key,value pairs " + FORM + ", got " + quote(text));
            }
            @Nullable Double[] values = new Double[KEYS.size()];
            for (int i = 0; i < pieces.length; i += 2) {
                int key = KEYS.indexOf(pieces[i]);
                if (key < 0) {
                    throw invalid(parameter, "unknown key " + quote(pieces[i]) + "; expected " + FORM);
                }
                if (values[key] != null) {
                    throw invalid(parameter, "key " + quote(pieces[i]) + " is given twice");
                }
                Double value = Numbers.parseDecimal(pieces[i + 1]);
                if (value == null) {
                    throw invalid(parameter, pieces[i] + " expects a number, got " + quote(pieces[i + 1]));
                }
                values[key] = value;
            }
            Double longitude = values[0];
            Double latitude = values[1];
            if (longitude == null || latitude == null) {
                throw invalid(parameter, "origin_longitude and origin_latitude are both required; expected " + FORM);
            }
            return new GeoBounds(longitude, latitude, orDefault(values[2]), orDefault(values[3]));
        }

        private static double orDefault(@Nullable Double delta) {
            return delta == null ? GeoBounds.DEFAULT_DELTA : delta;
        }

        @Override
        public GeoBounds check(String parameter, GeoBounds value) {
            return value;
        }

        @Override
        public String format(GeoBounds value) {
            StringBuilder out = new StringBuilder()
                    .append("origin_longitude,").append(Numbers.format(value.originLongitude()))
                    .append(",origin_latitude,").append(Numbers.format(value.originLatitude()));
            if (value.longitudeDelta() != GeoBounds.DEFAULT_DELTA) {
                out.append(",longitude_delta,").append(Numbers.format(value.longitudeDelta()));
            }
            if (value.latitudeDelta() != GeoBounds.DEFAULT_DELTA) {
                out.append(",latitude_delta,").append(Numbers.format(value.latitudeDelta()));
            }
            return out.toString();
        }

        @Override
        public FilterParameter describe(String name) {
            return plain(name, ValueType.GEO_BOX);
        }
    }
}
