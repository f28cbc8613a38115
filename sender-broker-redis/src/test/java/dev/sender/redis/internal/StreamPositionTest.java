package dev.sender.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.Position;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions of the Redis broker: stream entry ID and event index. */
class StreamPositionTest {

    @Test
    void position_isTheEntryIdAndTheIndex_inSpecCharset() {
        StreamPosition position = StreamPosition.of("1700000000000-5", 2);

        assertThat(position.position()).isEqualTo(Position.of("1700000000000-5.2"));
        assertThat(position.entryId()).isEqualTo("1700000000000-5");
        assertThat(StreamPosition.parse(position.position())).isEqualTo(position);
    }

    @Test
    void positions_orderByEntryMillisThenSequenceThenIndex_numerically() {
        List<Position> shuffled = List.of(Position.of("1700000000010-0.0"), Position.of("1700000000009-10.0"),
                Position.of("1700000000009-9.11"), Position.of("1700000000009-9.2"), Position.of("999999999999-0.0"));

        assertThat(shuffled.stream().sorted(StreamPosition.ORDER).toList()).containsExactly(
                Position.of("999999999999-0.0"), Position.of("1700000000009-9.2"), Position.of("1700000000009-9.11"),
                Position.of("1700000000009-10.0"), Position.of("1700000000010-0.0"));
    }

    @Test
    void positionsThisBrokerCannotHaveIssued_parseToNull_andOrderFirst() {
        for (String foreign : List.of("abc", "0", "0-0", "1-2-3.4", "a1-2.3", "1-2.x", "1-.3", "-2.3", "1-2.",
                "12345678901234567890-0.0", "1:2")) {
            assertThat(StreamPosition.parse(Position.of(foreign))).as(foreign).isNull();
        }
        assertThat(StreamPosition.ORDER.compare(Position.of("zz"), Position.of("0-0.0"))).isNegative();
        assertThat(StreamPosition.parseEntryId("1700000000000-0")).isEqualTo(new StreamPosition(1700000000000L, 0, 0));
        assertThat(StreamPosition.parseEntryId("1700000000000")).isNull();
        assertThatThrownBy(() -> StreamPosition.of("nope", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
