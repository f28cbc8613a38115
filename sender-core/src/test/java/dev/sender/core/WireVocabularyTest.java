package dev.sender.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The LUNA words server, client and brokers share: UUIDs as LUNA writes them, and close codes. */
class WireVocabularyTest {

    @ParameterizedTest
    @ValueSource(strings = {"6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a11", "6D8F1A51-0C2B-4F33-9B8E-2B1F0F0C8A11"})
    void uuidOf8_4_4_4_12HexDigits_inEitherCase_isValid_andParsesInLowerCase(String text) {
        assertThat(Uuids.isValid(text)).isTrue();
        assertThat(Uuids.parse(text)).isEqualTo(UUID.fromString(text.toLowerCase(java.util.Locale.ROOT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-1-1-1-1", "6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a1", "6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a111",
            "6d8f1a51_0c2b-4f33-9b8e-2b1f0f0c8a11", "6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a1g", " 6d8f1a51-0c2b-4f33-9b8e-2b1f0f0c8a1"})
    void anythingElse_isNoUuid(String text) {
        assertThat(Uuids.isValid(text)).isFalse();
        assertThat(Uuids.parse(text)).isNull();
    }

    @Test
    void closesAfterWhichReconnectingCanSucceed_areReconnectable_andOthersAreNot() {
        assertThat(CloseCodes.RECONNECTABLE).contains(CloseCodes.SHUTDOWN, CloseCodes.TOO_SLOW, CloseCodes.ABNORMAL,
                CloseCodes.INTERNAL_ERROR);
        assertThat(CloseCodes.isReconnectable(CloseCodes.TOO_SLOW)).isTrue();
        assertThat(CloseCodes.isReconnectable(CloseCodes.TOKEN_EXPIRED)).isTrue();
        assertThat(CloseCodes.isReconnectable(CloseCodes.NORMAL)).isFalse();
        assertThat(CloseCodes.isReconnectable(CloseCodes.MESSAGE_TOO_LARGE)).isFalse();
        assertThat(CloseCodes.isReconnectable(1008)).isFalse();
    }
}
