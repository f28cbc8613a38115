package dev.sender.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/2/ws?handler_ids=1&age__gte=18 | /2/ws?handler_ids=1&age__gte=18",
            "'/a b'                          | /a%20b",
            "'/a\"b'                         | /a%22b",
            "'/a\nevent=forged'              | /a%0Aevent=forged",
            "/é                              | /%C3%A9",
            "/\uD83D\uDE00                   | /%F0%9F%98%80"})
    void escape_percentEncodesWhatWouldSplitOrForgeALine(String text, String logged) {
        assertThat(AccessLog.escape(text)).isEqualTo(logged);
    }
}
