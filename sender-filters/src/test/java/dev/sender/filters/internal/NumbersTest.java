package dev.sender.filters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "1.5", "-1.5", "1e3", "1E-3", "1.5e+2", "007", "36.616"})
    void parseDecimal_decimalSyntax_reads(String text) {
        assertThat(Numbers.parseDecimal(text)).isEqualTo(Double.parseDouble(text) + 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", ".5", "5.", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1e999",
        "1_000", " 1", "1 ", "1d", "1f", "١"})
    void parseDecimal_anythingElse_isNull(String text) {
        assertThat(Numbers.parseDecimal(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", "1.0", "1e3", "9223372036854775808", "١٢"})
    void parseLong_notAnIntegerOrTooLarge_isNull(String text) {
        assertThat(Numbers.parseLong(text)).isNull();
    }

    @Test
    void parseLong_longRange_reads() {
        assertThat(Numbers.parseLong("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Numbers.parseLong("0042")).isEqualTo(42L);
    }

    @Test
    void format_isPlainWhenShort() {
        assertThat(Numbers.format(0.1)).isEqualTo("0.1");
        assertThat(Numbers.format(1.0)).isEqualTo("1");
        assertThat(Numbers.format(-0.0)).isEqualTo("0");
        assertThat(Numbers.format(1e-5)).isEqualTo("0.00001");
        assertThat(Numbers.format(1e-300)).isEqualTo("1.0E-300");
    }

    @Property(tries = 500)
    void format_readsBackToTheSameDouble(@ForAll double value) {
        if (Double.isFinite(value)) {
            assertThat(Numbers.parseDecimal(Numbers.format(value))).isEqualTo(value + 0.0);
        }
    }
}
