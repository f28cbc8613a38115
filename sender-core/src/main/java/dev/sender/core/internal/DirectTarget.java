package dev.sender.core.internal;

import dev.sender.core.CloseReason;
import dev.sender.core.MessageSink;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.filter.Filter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** {@link dev.sender.core.Delivery#DIRECT}: the sink is called on the dispatching thread. */
final class DirectTarget extends DispatchTarget {

    private final AtomicBoolean open = new AtomicBoolean(true);

    DirectTarget(Topic topic, Filter filter, MessageSink sink,
            Consumer<DispatchTarget> onRemove, ReplayGate.@Nullable Rules replay) {
        super(topic, filter, sink, onRemove, replay);
    }

    @Override
    void accept(EventMessage message) {
        if (open.get()) {
            sendToSink(message);
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public long queuedBytes() {
        return 0;
    }

    @Override
    public void closeAfterDelivery(CloseReason reason) {
        closeNow(reason);
    }

    @Override
    void closeNow(CloseReason reason) {
        if (open.compareAndSet(true, false)) {
            remove();
            closeSink(reason);
        }
    }
}
