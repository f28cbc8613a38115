package dev.sender.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void acceptsTheCharactersOfSpecSection9() {
        assertThat(Position.of("1700000000000-0.3").value()).isEqualTo("1700000000000-0.3");
        assertThat(Position.of("aZ09._:-")).isEqualTo(Position.of("aZ09._:-"));
        assertThat(Position.isWellFormed("x".repeat(Position.MAX_LENGTH))).isTrue();
    }

    @Test
    void refusesWhatIsNotAPositionNamingWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> Position.of("")).withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> Position.of("x".repeat(65)))
                .withMessageContaining("at most 64 characters, not 65");
        assertThatIllegalArgumentException().isThrownBy(() -> Position.of("12 3"))
                .withMessageContaining("not ' ' at index 2");
        assertThat(Position.isWellFormed("é")).isFalse();
        assertThat(Position.isWellFormed(null)).isFalse();
    }
}
