package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sender.core.event.Emotion;
import dev.sender.core.event.Gender;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Raw parameters written as LUNA's Python client writes {@code connect(**filters)}. */
class QueryParametersTest {

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void scalars_areWrittenAsTheyRead() {
        assertThat(QueryParameters.encode(ordered("gender", 1, "age__gte", 30L, "object_similarity__gte", 0.8,
                "event.flag:boolean", true, "sources", "cam 1", "f", 0.8f, "tiny", 1e-5, "big", new BigDecimal("1E+3"))))
                .isEqualTo("gender=1&age__gte=30&object_similarity__gte=0.8&event.flag:boolean=true&sources=cam+1"
                        + "&f=0.8&tiny=0.000010&big=1000");
    }

    @Test
    void iterablesAndArrays_areJoinedWithCommas_eachItemEscaped() {
        UUID id = UUID.fromString("8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a");
        assertThat(QueryParameters.encode(ordered("sources", List.of("cam1", "a&b"), "emotions", new int[] {4, 7},
                "stream_ids", new UUID[] {id}, "cities", Set.of("moscow"))))
                .isEqualTo("sources=cam1,a%26b&emotions=4,7&stream_ids=" + id + "&cities=moscow");
    }

    @Test
    void lunaAttributeConstants_areWrittenAsTheirQueryValue() {
        assertThat(QueryParameters.encode(ordered("gender", Gender.MALE, "emotions",
                List.of(Emotion.HAPPINESS, Emotion.SURPRISE)))).isEqualTo("gender=1&emotions=4,7");
    }

    @Test
    void namesAndValues_arePercentEncoded_andNothingIsValidatedHere() {
        assertThat(QueryParameters.encode(ordered("event.a.b__in", "x,none", "bogus", "é", "event.t:integer", "4.5")))
                .isEqualTo("event.a.b__in=x,none&bogus=%C3%A9&event.t:integer=4.5");
        assertThat(QueryParameters.encode(Map.of())).isEmpty();
    }

    @Test
    void nullsAndEmptyNames_areRefusedNamingTheParameter() {
        assertThatThrownBy(() -> QueryParameters.encode(ordered("gender", null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'gender'");
        assertThatThrownBy(() -> QueryParameters.encode(ordered("sources", Arrays.asList("a", null))))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("'sources'");
        assertThatThrownBy(() -> QueryParameters.encode(ordered("", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
