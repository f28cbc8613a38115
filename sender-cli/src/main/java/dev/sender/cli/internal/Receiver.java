package dev.sender.cli.internal;

import dev.sender.cli.SenderCli;
import dev.sender.client.EventsLostException;
import dev.sender.client.Subscription;
import dev.sender.client.SubscriptionClosedException;
import dev.sender.client.SubscriptionListener;
import dev.sender.core.event.EventMessage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Receives the messages of {@code subscribe}'s subscription and prints them, up to {@code --count}; notes a lost
 * connection and its return; and completes {@link #outcome()} with the exit status once the subscription is done:
 * enough messages, the output gone, the subscription ended, or the process interrupted. The client calls it on one
 * thread at a time, in order.
 *
 * @param <M> the messages received
 */
final class Receiver<M extends EventMessage> implements SubscriptionListener<M> {

    private final MessagePrinter<M> printer;
    private final Progress progress;
    private final long limit;
    private final CompletableFuture<Integer> outcome = new CompletableFuture<>();
    /** Messages printed; read and written on the client's callback thread only. */
    private long printed;
    /** Whether a connection opened: before that, a failure is what {@code subscribe} throws, and said there. */
    private boolean opened;
    private Subscription.State state = Subscription.State.CONNECTING;
    private int lastCloseCode;
    private String lastCloseReason = "";

    /**
     * A receiver that prints with {@code printer} through {@code progress}.
     *
     * @param limit how many messages to print before the subscription is done; {@code Long.MAX_VALUE} for no limit
     */
    Receiver(MessagePrinter<M> printer, Progress progress, long limit) {
        this.printer = printer;
        this.progress = progress;
        this.limit = limit;
    }

    /** Waits for the exit status. */
    int awaitOutcome() throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the outcome is never completed exceptionally", e);
        }
    }

    /** The process is being interrupted: the exit status is {@link SenderCli#INTERRUPTED}, and nothing more is said. */
    void interrupt() {
        outcome.complete(SenderCli.INTERRUPTED);
    }

    /** Whether {@link #interrupt()} decided the outcome. */
    boolean interrupted() {
        return outcome.getNow(SenderCli.OK) == SenderCli.INTERRUPTED;
    }

    @Override
    public void onOpen(Subscription<? extends M> subscription) {
        opened = true;
    }

    @Override
    public void onMessage(M message) {
        if (outcome.isDone()) {
            return;
        }
        boolean[] written = new boolean[1];
        progress.message(() -> written[0] = printer.print(message));
        printed++;
        if (!written[0] || printed >= limit) {
            outcome.complete(SenderCli.OK);
        }
    }

    @Override
    public void onClose(int code, String reason) {
        lastCloseCode = code;
        lastCloseReason = reason;
    }

    @Override
    public void onStateChange(Subscription.State previous, Subscription.State current) {
        state = current;
        if (outcome.isDone() || !opened) {
            return;
        }
        if (current == Subscription.State.RECONNECTING) {
            progress.note("sender-cli: connection lost (close " + lastCloseCode
                    + (lastCloseReason.isEmpty() ? "" : ", " + Failures.oneLine(lastCloseReason))
                    + "); reconnecting, after the last event received when the server keeps history");
        } else if (previous == Subscription.State.RECONNECTING && current == Subscription.State.OPEN) {
            progress.note("sender-cli: reconnected");
        } else if (current == Subscription.State.CLOSED) {
            // A failure completed the outcome already (onError comes first): this is a close the client does not
            // count as one, such as a close code it does not reconnect after.
            progress.note("sender-cli: the server closed the subscription (close " + lastCloseCode
                    + (lastCloseReason.isEmpty() ? "" : ", " + Failures.oneLine(lastCloseReason)) + ")");
            outcome.complete(SenderCli.FAILED);
        }
    }

    @Override
    public void onEventsLost(EventsLostException gap) {
        if (!outcome.isDone()) {
            progress.note("sender-cli: events may be missing: " + Failures.oneLine(gap.getMessage()));
        }
    }

    @Override
    public void onError(Throwable error) {
        if (outcome.isDone() || !opened) {
            return;
        }
        if (error instanceof SubscriptionClosedException closed) {
            progress.note("sender-cli: the subscription ended: " + Failures.oneLine(closed.getMessage()));
            outcome.complete(closed.status() > 0 ? SenderCli.REFUSED : SenderCli.FAILED);
        } else {
            progress.note("sender-cli: " + (state == Subscription.State.RECONNECTING ? "reconnecting failed: " : "")
                    + Failures.oneLine(String.valueOf(error.getMessage())));
        }
    }
}
