package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.client.EventsLostException;
import dev.sender.client.SenderException;
import dev.sender.core.Position;
import dev.sender.core.StartAt;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each connection of a subscription starts, and which gaps the answers reveal, without a server. */
class ResumptionTest {

    private static final URI BASE = URI.create("ws://localhost:5080/2/ws?gender=1");
    private static final SenderException REFUSED = new SenderException(400, 12012, "Bad query parameters",
            "Parameter 'history': unknown parameter", null);

    private static Map<String, List<String>> answer(String... headers) {
        Map<String, List<String>> map = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], List.of(headers[i + 1]));
        }
        return map;
    }

    @Test
    void lastPosition_readsTheLastTopLevelKey_only() {
        assertThat(Resumption.lastPosition("{\"event\":{},\"position\":\"a1:2\"}")).isEqualTo(Position.of("a1:2"));
        assertThat(Resumption.lastPosition("{\"a\":1 , \"position\" : \"x.y\" }\n")).isEqualTo(Position.of("x.y"));
        assertThat(Resumption.lastPosition("{\"event\":{\"position\":\"inner\"}}")).isNull();
        assertThat(Resumption.lastPosition("{\"event\":{},\"Luna-Request-id\":\"1,2\"}")).isNull();
        assertThat(Resumption.lastPosition("{\"event\":{},\"xposition\":\"a\"}")).isNull();
        assertThat(Resumption.lastPosition("{\"event\":{},\"position\":\"a b\"}")).isNull();
        assertThat(Resumption.lastPosition("{\"position\":\"first\"}")).isNull();
        assertThat(Resumption.lastPosition("{\"e\":1,\"position\":\"" + "a".repeat(65) + "\"}")).isNull();
        assertThat(Resumption.lastPosition("\"}")).isNull();
        assertThat(Resumption.lastPosition("")).isNull();
    }

    @Test
    void resumingSubscription_asksHistory_thenSinceTheLatestPositionOfTheFirstAnswer_thenSinceTheLastMessage() {
        Resumption resumption = Resumption.of(BASE, null, true);

        assertThat(resumption.nextUri()).hasToString(BASE + "&history=1");
        assertThat(resumption.opened(answer("Sender-Position", "p:1"))).isNull();
        assertThat(resumption.nextUri()).hasToString(BASE + "&since=p:1");
        resumption.received("{\"event\":{},\"position\":\"p:7\"}");
        assertThat(resumption.nextUri()).hasToString(BASE + "&since=p:7");
        assertThat(resumption.opened(answer("sender-position", "p:9", "Sender-Recovered", "true"))).isNull();
        assertThat(resumption.nextUri()).hasToString(BASE + "&since=p:7");
    }

    @Test
    void emptyLatestPosition_resumesBeforeTheOldest() {
        Resumption resumption = Resumption.of(URI.create("ws://h/2/ws"), null, true);

        assertThat(resumption.nextUri()).hasToString("ws://h/2/ws?history=1");
        resumption.opened(answer("Sender-Position", ""));
        assertThat(resumption.nextUri()).hasToString("ws://h/2/ws?since=");
    }

    @Test
    void unrecoveredResume_isAGapAfterTheAskedPosition_andTheNextResumeStartsBeforeTheOldest() {
        Resumption resumption = Resumption.of(BASE, StartAt.after(Position.of("old.1")), false);

        assertThat(resumption.nextUri()).hasToString(BASE + "&since=old.1");
        EventsLostException gap = resumption.opened(answer("Sender-Position", "new.5", "Sender-Recovered", "false"));

        assertThat(gap).isNotNull();
        assertThat(gap.after()).isEqualTo(Position.of("old.1"));
        assertThat(resumption.nextUri()).hasToString(BASE + "&since=");
    }

    @Test
    void serverThatRefusesHistory_isSubscribedWithout_andItsReconnectsAreGaps() {
        Resumption resumption = Resumption.of(BASE, null, true);
        resumption.nextUri();

        assertThat(resumption.fallBack(REFUSED)).isTrue();
        assertThat(resumption.nextUri()).isEqualTo(BASE);
        assertThat(resumption.opened(answer())).isNull();
        assertThat(resumption.fallBack(REFUSED)).isFalse();
        EventsLostException gap = resumption.opened(answer());
        assertThat(gap).isNotNull();
        assertThat(gap.after()).isNull();
    }

    @Test
    void serverThatIgnoresHistory_answersWithoutPosition_andIsSubscribedWithoutHistoryFromThen() {
        Resumption resumption = Resumption.of(BASE, null, true);
        resumption.nextUri();

        assertThat(resumption.opened(answer("LUNA-Request-Id", "1,2"))).isNull();
        assertThat(resumption.nextUri()).isEqualTo(BASE);
    }

    @Test
    void refusalOfTheApplicationsOwnStart_isItsError_notAFallback() {
        Resumption resumption = Resumption.of(BASE, StartAt.last(5000), true);

        assertThat(resumption.nextUri()).hasToString(BASE + "&rewind=5000");
        assertThat(resumption.fallBack(REFUSED)).isFalse();
        assertThat(resumption.fallBack(new SenderException(404, 12013, "", "", null))).isFalse();
    }

    @Test
    void withoutResume_connectionsAskNoHistory_andReportNoGap() {
        Resumption resumption = Resumption.of(BASE, null, false);

        assertThat(resumption.nextUri()).isEqualTo(BASE);
        assertThat(resumption.opened(answer())).isNull();
        resumption.received("{\"event\":{},\"position\":\"p:7\"}");
        assertThat(resumption.nextUri()).isEqualTo(BASE);
        assertThat(resumption.opened(answer())).isNull();
    }
}
