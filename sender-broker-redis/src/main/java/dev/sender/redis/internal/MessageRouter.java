package dev.sender.redis.internal;

import dev.sender.core.RequestId;
import dev.sender.core.event.InvalidJsonException;
import dev.sender.core.event.PublicationJson;
import dev.sender.core.spi.LocalDispatcher;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message of a Redis channel back into a publication and hands it to the local dispatcher, or a health
 * probe to its consumer. A payload that is not a Sender/LUNA publication is logged and skipped.
 */
public final class MessageRouter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    private final LocalDispatcher dispatcher;
    private final String healthChannel;
    private final Consumer<String> onProbe;

    /** A router dispatching to {@code dispatcher}, passing the probes of {@code healthChannel} to {@code onProbe}. */
    public MessageRouter(LocalDispatcher dispatcher, String healthChannel, Consumer<String> onProbe) {
        this.dispatcher = dispatcher;
        this.healthChannel = healthChannel;
        this.onProbe = onProbe;
    }

    /** Routes one message of {@code channel}. */
    public void route(String channel, byte[] payload) {
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
        }
    }
}
