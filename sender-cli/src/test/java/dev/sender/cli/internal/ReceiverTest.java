package dev.sender.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sender.cli.SenderCli;
import dev.sender.client.SenderException;
import dev.sender.client.Subscription.State;
import dev.sender.client.SubscriptionClosedException;
import dev.sender.core.event.HandlerEventMessage;
import dev.sender.core.testkit.SampleEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code subscribe} reacts to what happens to its subscription, with the client's callbacks played by hand. */
class ReceiverTest {

    private final List<HandlerEventMessage> printed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Progress progress = new Progress() {
        @Override
        public void message(Runnable print) {
            print.run();
        }

        @Override
        public void note(String line) {
            notes.add(line);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void count_endsWithStatus0_afterThatManyMessages_andPrintsNoMore() throws InterruptedException {
        Receiver<HandlerEventMessage> receiver = opened(2, true);

        receiver.onMessage(SampleEvents.message());
        receiver.onMessage(SampleEvents.message());
        receiver.onMessage(SampleEvents.message());

        assertThat(receiver.awaitOutcome()).isEqualTo(SenderCli.OK);
        assertThat(printed).hasSize(2);
    }

    @Test
    void anOutputThatIsGone_endsWithStatus0() throws InterruptedException {
        Receiver<HandlerEventMessage> receiver = opened(Long.MAX_VALUE, false);

        receiver.onMessage(SampleEvents.message());

        assertThat(receiver.awaitOutcome()).isEqualTo(SenderCli.OK);
    }

    @Test
    void aLostConnection_isNoted_asAreTheFailedAttempts_andTheReturn() {
        Receiver<HandlerEventMessage> receiver = opened(Long.MAX_VALUE, true);

        receiver.onClose(1001, "server shutdown");
        receiver.onStateChange(State.OPEN, State.RECONNECTING);
        receiver.onError(new SenderException("cannot open ws://127.0.0.1:5080/2/ws: Connection refused", null, null));
        receiver.onStateChange(State.RECONNECTING, State.OPEN);

        assertThat(notes).containsExactly(
                "sender-cli: connection lost (close 1001, server shutdown); reconnecting, after the last event "
                        + "received when the server keeps history",
                "sender-cli: reconnecting failed: cannot open ws://127.0.0.1:5080/2/ws: Connection refused",
                "sender-cli: reconnected");
    }

    @Test
    void aSubscriptionRefusedWhenReconnecting_endsWithStatus3() throws InterruptedException {
        Receiver<HandlerEventMessage> receiver = opened(Long.MAX_VALUE, true);
        SenderException refused = new SenderException(403, 29021, "Forbidden", "the token does not grant account x",
                null);

        receiver.onError(new SubscriptionClosedException("the server refused to resubscribe", 1001, false, refused));
        receiver.onStateChange(State.RECONNECTING, State.CLOSED);

        assertThat(receiver.awaitOutcome()).isEqualTo(SenderCli.REFUSED);
        assertThat(notes).containsExactly("sender-cli: the subscription ended: the server refused to resubscribe");
    }

    @Test
    void aSubscriptionThatFailsWithoutAnAnswer_endsWithStatus1() throws InterruptedException {
        Receiver<HandlerEventMessage> receiver = opened(Long.MAX_VALUE, true);

        receiver.onError(new SubscriptionClosedException("the message buffer of 10000 messages is full", 0, false,
                null));

        assertThat(receiver.awaitOutcome()).isEqualTo(SenderCli.FAILED);
    }

    @Test
    void failuresBeforeTheFirstOpen_areLeftToWhatSubscribeThrows() {
        Receiver<HandlerEventMessage> receiver = new Receiver<>(this::print, progress, Long.MAX_VALUE);

        receiver.onError(new SubscriptionClosedException("the subscription could not open", 0, false, null));
        receiver.onStateChange(State.CONNECTING, State.CLOSED);

        assertThat(notes).isEmpty();
        assertThat(receiver.interrupted()).isFalse();
    }

    @Test
    void interrupt_endsWithStatus130_andSilencesWhatFollows() throws InterruptedException {
        Receiver<HandlerEventMessage> receiver = opened(Long.MAX_VALUE, true);

        receiver.interrupt();
        receiver.onClose(1000, "client closed");
        receiver.onStateChange(State.OPEN, State.CLOSED);
        receiver.onMessage(SampleEvents.message());

        assertThat(receiver.awaitOutcome()).isEqualTo(SenderCli.INTERRUPTED);
        assertThat(receiver.interrupted()).isTrue();
        assertThat(notes).isEmpty();
        assertThat(printed).isEmpty();
    }

    private Receiver<HandlerEventMessage> opened(long limit, boolean outputThere) {
        Receiver<HandlerEventMessage> receiver = new Receiver<>(message -> {
            print(message);
            return outputThere;
        }, progress, limit);
        receiver.onStateChange(State.CONNECTING, State.OPEN);
        receiver.onOpen(null);
        return receiver;
    }

    private boolean print(HandlerEventMessage message) {
        printed.add(message);
        return true;
    }
}
