package dev.sender.core.filter;

import java.util.Locale;
import java.util.Objects;

/**
 * A typed literal that a filter compares event values with. Its {@link #type()} decides which event values
 * it can match at all; see {@link ValueType}.
 */
public sealed interface Value permits Value.Str, Value.Uuid, Value.Int, Value.Num, Value.Bool {

    /**
     * A string literal that matches JSON strings equal to it.
     *
     * @param value the string, compared case-sensitively
     * @return the literal, of type {@link ValueType#STRING}
     */
    static Value string(String value) {
        return new Str(value);
    }

    /**
     * A UUID literal that matches JSON strings holding the same UUID, whatever their letter case.
     *
     * @param value the UUID
     * @return the literal, of type {@link ValueType#UUID}
     */
    static Value uuid(java.util.UUID value) {
        return new Uuid(value);
    }

    /**
     * An integer literal that matches JSON integers (numbers without fraction or exponent).
     *
     * @param value the integer
     * @return the literal, of type {@link ValueType#INTEGER}
     */
    static Value integer(long value) {
        return new Int(value);
    }

    /**
     * A number literal that matches any JSON number of the same numeric value.
     *
     * @param value the number; finite
     * @return the literal, of type {@link ValueType#NUMBER}
     */
    static Value number(double value) {
        return new Num(value);
    }

    /**
     * A boolean literal that matches JSON {@code true} or {@code false}.
     *
     * @param value the boolean
     * @return the literal, of type {@link ValueType#BOOLEAN}
     */
    static Value bool(boolean value) {
        return new Bool(value);
    }

    /** {@return the JSON type this literal matches} */
    ValueType type();

    /** A string literal. */
    record Str(String value) implements Value {
        /**
         * Checks the value.
         *
         * @param value the string; not {@code null}
         */
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }

        @Override
        public String toString() {
            return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** A UUID literal; {@link #lowerCase()} is the form it compares with. */
    record Uuid(java.util.UUID value) implements Value {
        /**
         * Checks the value.
         *
         * @param value the UUID; not {@code null}
         */
        public Uuid {
            Objects.requireNonNull(value, "value");
        }

        /** {@return the canonical lower-case spelling of the UUID} */
        public String lowerCase() {
            return value.toString().toLowerCase(Locale.ROOT);
        }

        @Override
        public ValueType type() {
            return ValueType.UUID;
        }

        @Override
        public String toString() {
            return lowerCase();
        }
    }

    /** An integer literal. */
    record Int(long value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.INTEGER;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** A number literal; never NaN or infinite. */
    record Num(double value) implements Value {
        /**
         * Checks the value is finite.
         *
         * @param value the number; neither infinite nor NaN
         */
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("number must be finite: " + value);
            }
        }

        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** A boolean literal. */
    record Bool(boolean value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.BOOLEAN;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }
}
