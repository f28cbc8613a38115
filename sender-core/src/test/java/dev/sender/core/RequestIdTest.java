package dev.sender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void generated_haveTheLunaFormat_areVersion4_andDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestId.generate();
            assertThat(RequestId.isValid(id)).as(id).isTrue();
            UUID uuid = UUID.fromString(id.substring(11));
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(Long.parseLong(RequestId.generate().substring(0, 10)))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
    }

    @Test
    void validation_followsTheSpecPattern() {
        assertThat(RequestId.isValid("1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).isTrue();
        assertThat(RequestId.isValid("1536751345,8B8B5937-2e9c-4e8b-a7a7-5caf86621b5a")).isFalse();
        assertThat(RequestId.isValid("153675134,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).isFalse();
        assertThat(RequestId.isValid("1536751345;8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a")).isFalse();
    }
}
