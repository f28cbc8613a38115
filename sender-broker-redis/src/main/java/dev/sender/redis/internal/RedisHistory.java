package dev.sender.redis.internal;

import dev.sender.core.BrokerException;
import dev.sender.core.HistoryOptions;
import dev.sender.core.StartAt;
import dev.sender.core.SubscriptionStart;
import dev.sender.core.Topic;
import dev.sender.core.event.GeneralPublication;
import dev.sender.core.event.HandlerPublication;
import dev.sender.core.event.Publication;
import dev.sender.core.event.PublicationJson;
import dev.sender.core.spi.MessageFilter;
import dev.sender.core.spi.ReplayingSubscription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's history in Redis (SPEC §9): how it publishes, and how it starts a subscription from history.
 *
 * <p>With history, a publication is stored in its topic's stream and published on its channel, carrying its
 * entry's ID, in one script (see {@link DeadlinePublisher}), so the stream's order is the order in which every
 * node receives publications. A subscription joins its topic first, holding live messages back; once Redis has
 * confirmed the topic's channels, this reads the stream ({@link HistoryReader}) and starts the subscription with
 * the replay. Live messages the read saw are dropped by position, so none comes twice and none is missing.
 *
 * <p>When Redis cannot be read (it is down, or has not confirmed the channels in time), a subscription still opens,
 * live, receiving events once Redis is back; a resume then reports {@code recovered=false} rather than replaying
 * what it cannot vouch for.
 */
public final class RedisHistory {

    private static final Logger LOG = LoggerFactory.getLogger(RedisHistory.class);

    private final HistoryOptions options;

    /** The history of a node keeping {@code options}; {@link HistoryOptions#OFF} for none. */
    public RedisHistory(HistoryOptions options) {
        this.options = options;
    }

    /** What this node keeps. */
    public HistoryOptions options() {
        return options;
    }

    /** Whether this node keeps history. */
    public boolean enabled() {
        return options.enabled();
    }

    /**
     * The channels a node with subscribers of {@code topic} listens to, in the order it subscribes them: the
     * positions channel first, so that the announcement of every payload heard on the topic's channel is heard too.
     */
    public List<String> channels(Topic topic) {
        return enabled() ? List.of(HistoryKeys.positionsChannel(topic), Channels.of(topic)) : List.of(Channels.of(topic));
    }

    /**
     * Publishes {@code publication} through {@code deadline}, storing it first when history is kept; fails with
     * {@link BrokerException} as {@link DeadlinePublisher#publish} does.
     */
    public CompletableFuture<Void> publish(DeadlinePublisher deadline, Publication publication) {
        Topic topic;
        byte[] payload;
        if (publication instanceof HandlerPublication handler) {
            topic = Topic.handlerEvents(handler.accountId());
            payload = PublicationJson.writeHandlerChannelMessage(handler);
        } else {
            topic = Topic.generalEvents();
            payload = PublicationJson.writeGeneralChannelMessage((GeneralPublication) publication);
        }
        if (!enabled()) {
            return deadline.publish(Channels.of(topic), payload);
        }
        return deadline.publishRetained(HistoryKeys.stream(topic), Channels.of(topic), payload, options)
                .thenApply(entryId -> null);
    }

    /**
     * Starts {@code subscription}, which has joined its topic, from {@code start}: reads the history through
     * {@code deadline} unless Redis is not reached ({@code deadline} null or not calibrated) or has not
     * {@code confirmed} the topic's channels.
     */
    public void start(ReplayingSubscription subscription, StartAt start, @Nullable DeadlinePublisher deadline,
            boolean confirmed) {
        Topic topic = subscription.topic();
        HistoryReader.Replay replay = null;
        if (deadline != null && deadline.calibrated() && confirmed) {
            try {
                HistoryReader reader = new HistoryReader(deadline.connection().sync(), options);
                long now = deadline.redisNowMillis();
                replay = start instanceof StartAt.Live ? new HistoryReader.Replay(reader.latest(topic, now), true,
                        List.of()) : reader.read(topic, start, MessageFilter.compile(subscription.filter()), now);
            } catch (RuntimeException e) {
                LOG.warn("Could not read the history of {} from Redis ({}); the subscription starts live, {}",
                        topic, e.getMessage(), start instanceof StartAt.Live ? "without its latest position"
                                : "without a replay");
            }
        } else if (!(start instanceof StartAt.Live)) {
            LOG.warn("Redis is not reachable or has not confirmed the channels of {}; a subscription starting from "
                    + "history starts live, without a replay", topic);
        }
        if (start instanceof StartAt.Live) {
            subscription.startLive(replay == null ? null : replay.latest());
        } else if (replay == null) {
            subscription.startAfterReplay(new SubscriptionStart(null, false), List.of());
        } else {
            subscription.startAfterReplay(new SubscriptionStart(replay.latest(), replay.recovered()),
                    replay.messages());
        }
    }
}
