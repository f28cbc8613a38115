package dev.sender.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.client.Subscription;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionPhaseTest {

    private static Set<ConnectionPhase> successors(ConnectionPhase phase) {
        return Arrays.stream(ConnectionPhase.values()).filter(phase::canMoveTo)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConnectionPhase.class)));
    }

    @Test
    void transitions_followTheDiagram() {
        assertThat(successors(ConnectionPhase.CONNECTING)).containsExactlyInAnyOrder(ConnectionPhase.OPEN, ConnectionPhase.CLOSED);
        assertThat(successors(ConnectionPhase.OPEN)).containsExactlyInAnyOrder(ConnectionPhase.WAITING, ConnectionPhase.CLOSED);
        assertThat(successors(ConnectionPhase.WAITING)).containsExactlyInAnyOrder(ConnectionPhase.RECONNECTING, ConnectionPhase.CLOSED);
        assertThat(successors(ConnectionPhase.RECONNECTING))
                .containsExactlyInAnyOrder(ConnectionPhase.OPEN, ConnectionPhase.WAITING, ConnectionPhase.CLOSED);
        assertThat(successors(ConnectionPhase.CLOSED)).isEmpty();
    }

    @Test
    void waitingAndReconnecting_bothShowAsReconnecting() {
        assertThat(ConnectionPhase.WAITING.visible).isEqualTo(Subscription.State.RECONNECTING);
        assertThat(ConnectionPhase.RECONNECTING.visible).isEqualTo(Subscription.State.RECONNECTING);
        assertThat(Arrays.stream(ConnectionPhase.values()).map(p -> p.visible).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Subscription.State.values());
    }
}
