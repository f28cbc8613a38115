package dev.sender.redis.internal;

import dev.sender.core.RequestId;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.PublicationJson;
import dev.sender.core.spi.LocalDispatcher;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every message of the channels this node subscribes to and hands it to the local dispatcher, on
 * Lettuce's I/O thread. Dispatching never blocks (sinks either enqueue or write to non-blocking sockets), so
 * the node drains Redis as fast as it sends and never nears Redis' output-buffer limits for pub/sub clients.
 */
public final class ChannelListener extends RedisPubSubAdapter<String, byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);

    private final LocalDispatcher dispatcher;
    private final String healthChannel;
    private final Consumer<String> onProbe;

    /** A listener dispatching to {@code dispatcher}, passing the probes of {@code healthChannel} to {@code onProbe}. */
    public ChannelListener(LocalDispatcher dispatcher, String healthChannel, Consumer<String> onProbe) {
        this.dispatcher = dispatcher;
        this.healthChannel = healthChannel;
        this.onProbe = onProbe;
    }

    @Override
    public void message(String channel, byte[] payload) {
        try {
            if (channel.equals(Channels.GENERAL)) {
                dispatcher.dispatch(PublicationJson.readGeneralChannelMessage(payload, RequestId.generate()));
            } else if (channel.equals(healthChannel)) {
                onProbe.accept(new String(payload, StandardCharsets.UTF_8));
            } else {
                UUID account = Channels.account(channel);
                if (account == null) {
                    LOG.debug("Ignoring a message on unknown channel '{}'", channel);
                    return;
                }
                dispatcher.dispatch(PublicationJson.readHandlerChannelMessage(payload, account, RequestId.generate()));
            }
        } catch (InvalidJsonException e) {
            LOG.warn("Ignoring a message on '{}' that is not a Sender/LUNA publication: {}", channel, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Dispatching a message of '{}' failed", channel, e);
        }
    }
}
