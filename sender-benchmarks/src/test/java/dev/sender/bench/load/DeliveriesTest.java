package dev.sender.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The per-subscriber accounts tell losses, duplicates, misroutes and malformed messages apart. */
class DeliveriesTest {

    private static final int LENGTH = 5120;

    @Test
    void audit_countsEachKindOfFaultApart() {
        Deliveries deliveries = new Deliveries(0);
        deliveries.expect(0, 0, 2, LENGTH);
        deliveries.expect(1, 1, 2, LENGTH);
        BitSet group0 = events(2, 0, 2, 4);
        BitSet group1 = events(2, 1, 3);

        deliveries.onMessage(0, 1, 0, 0, LENGTH, 2);
        deliveries.onMessage(0, 1, 2, 0, LENGTH, 2);
        deliveries.onMessage(0, 1, 2, 0, LENGTH, 2);
        deliveries.onMessage(0, 1, 3, 1, LENGTH, 2);
        deliveries.onMessage(1, 1, 1, 1, LENGTH, 2);
        deliveries.onMessage(1, 1, 3, 1, LENGTH - 1, 2);

        Deliveries.Audit audit = deliveries.audit(group -> group == 0 ? group0 : group1);
        assertThat(audit.subscribers()).isEqualTo(2);
        assertThat(audit.lost()).as("event 4 never reached subscriber 0").isEqualTo(1);
        assertThat(audit.duplicates()).as("event 2 twice at subscriber 0").isEqualTo(1);
        assertThat(audit.misroutes()).as("event 3, of group 1, at subscriber 0").isEqualTo(1);
        assertThat(audit.malformed()).as("event 3 one byte short at subscriber 1").isEqualTo(1);
        assertThat(audit.fewest()).isEqualTo(2);
        assertThat(audit.most()).isEqualTo(4);
        assertThat(deliveries.delivered()).isEqualTo(6);
    }

    @Test
    void audit_countsAMessageWithoutAStampAsMalformedNotAsDelivered() {
        Deliveries deliveries = new Deliveries(0);
        deliveries.expect(0, 0, 1, LENGTH);

        deliveries.onMessage(0, -1, -1, -1, LENGTH, 2);

        Deliveries.Audit audit = deliveries.audit(group -> events(1, 0));
        assertThat(audit.malformed()).isEqualTo(1);
        assertThat(audit.lost()).isEqualTo(1);
        assertThat(audit.misroutes()).isZero();
    }

    @Test
    void window_holdsThePublisherWhileAnySubscriberOfTheGroupOwesItsWindow() throws Exception {
        Deliveries deliveries = new Deliveries(1);
        deliveries.expect(0, 0, 1, LENGTH);
        deliveries.expect(1, 0, 1, LENGTH);

        assertThat(deliveries.acquire(0, System.nanoTime() + 1_000_000_000L)).isTrue();
        deliveries.onMessage(0, 1, 0, 0, LENGTH, 2);
        assertThat(deliveries.acquire(0, System.nanoTime())).as("subscriber 1 still owes event 0").isFalse();
        deliveries.onMessage(1, 1, 0, 0, LENGTH, 2);
        assertThat(deliveries.acquire(0, System.nanoTime() + 1_000_000_000L)).isTrue();
    }

    @Test
    void nioCeiling_answersTheHandshakeOfRfc6455() {
        assertThat(NioCeiling.accept("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    /** The events of sequences {@code sequences}, published for a group of {@code groups}. */
    private static BitSet events(int groups, long... sequences) {
        BitSet set = new BitSet();
        for (long sequence : sequences) {
            set.set((int) (sequence / groups));
        }
        return set;
    }
}
