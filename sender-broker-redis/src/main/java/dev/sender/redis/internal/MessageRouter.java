package dev.sender.redis.internal;

import dev.sender.core.RequestId;
import dev.sender.core.Topic;
import dev.sender.core.event.EventMessage;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.Publication;
import dev.sender.core.spi.LocalDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message of a Redis channel back into a publication and hands it to the local dispatcher, or a health
 * probe to its consumer. With history, a publication that carries its position is dispatched at it, one that came
 * without goes to {@link RawPublications} for one, and so do the announcements of positions channels. A payload
 * that is not a Sender/LUNA publication is logged and skipped.
 */
public final class MessageRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final LocalDispatcher dispatcher;
    private final String healthChannel;
    private final Consumer<String> onProbe;
    /** Null without history: publications are then dispatched without positions. */
    private final @Nullable RawPublications raw;

    /**
     * A router dispatching to {@code dispatcher}, passing the probes of {@code healthChannel} to {@code onProbe}, and
     * publications without a position to {@code raw} (null without history).
     */
    public MessageRouter(LocalDispatcher dispatcher, String healthChannel, Consumer<String> onProbe,
            @Nullable RawPublications raw) {
        this.dispatcher = dispatcher;
        this.healthChannel = healthChannel;
        this.onProbe = onProbe;
        this.raw = raw;
    }

    /** Routes one message of {@code channel}. */
    public void route(String channel, byte[] payload) {
        try {
            if (channel.equals(healthChannel)) {
                onProbe.accept(new String(payload, StandardCharsets.UTF_8));
                return;
            }
            Topic topic = Channels.topic(channel);
            if (topic != null) {
                publication(topic, payload);
                return;
            }
            Topic announced = HistoryKeys.topicOfPositionsChannel(channel);
            if (announced != null && raw != null) {
                raw.announced(announced, payload);
                return;
            }
            LOG.debug("Ignoring a message on unknown channel '{}'", channel);
        } catch (InvalidJsonException e) {
            LOG.warn("Ignoring a message on '{}' that is not a Sender/LUNA publication: {}", channel, e.getMessage());
        }
    }

    /** Redis confirmed this node's subscription to {@code channel}. */
    public void subscribed(String channel) {
        Topic topic = Channels.topic(channel);
        if (topic != null && raw != null) {
            raw.joined(topic);
        }
    }

    private void publication(Topic topic, byte[] payload) {
        Publication publication = LivePayloads.read(topic, payload);
        String entryId = raw == null ? null : LivePayloads.historyId(payload);
        if (entryId != null) {
            for (EventMessage message : LivePayloads.messages(publication, entryId)) {
                dispatcher.dispatch(topic, message);
            }
        } else if (raw != null) {
            raw.received(topic, payload, publication);
        } else {
            dispatcher.dispatch(LivePayloads.withRequestId(publication, RequestId.generate()));
        }
    }
}
