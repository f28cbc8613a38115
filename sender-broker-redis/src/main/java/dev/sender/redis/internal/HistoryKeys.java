package dev.sender.redis.internal;

import dev.sender.core.Topic;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a topic's history lives in Redis (a Sender decision, outside LUNA's names). The keys of one topic share
 * the hash tag {@code {<account_id>}} (or {@code {general}}), so a script that touches them works on Redis Cluster
 * too:
 *
 * <ul>
 *   <li>{@code sender-history:{<tag>}}: the stream of the topic's publications, one entry per publication;
 *   <li>{@code sender-ingested:{<tag>}:<sha-256 of the payload>}: the entry ID a LUNA handler's payload was stored
 *       at, for a minute, so that it is stored once however many nodes hear it;
 *   <li>channel {@code sender-positions:<tag>}: {@code <entry ID> <sha-256>} once such a payload is stored.
 * </ul>
 */
public final class HistoryKeys {

    /** Prefix of a topic's stream. */
    public static final String STREAM_PREFIX = "sender-history:";
    /** Prefix of the keys that remember where LUNA handlers' payloads were stored. */
    public static final String INGESTED_PREFIX = "sender-ingested:";
    /** Prefix of the channels that tell where LUNA handlers' payloads were stored. */
    public static final String POSITIONS_PREFIX = "sender-positions:";

    private static final String GENERAL_TAG = "general";

    private HistoryKeys() {
    }

    /** The stream of {@code topic}'s history. */
    public static String stream(Topic topic) {
        return STREAM_PREFIX + "{" + tag(topic) + "}";
    }

    /** The key remembering where the payload with SHA-256 {@code digest} of {@code topic} was stored. */
    public static String ingested(Topic topic, String digest) {
        return INGESTED_PREFIX + "{" + tag(topic) + "}:" + digest;
    }

    /** The channel on which the positions of {@code topic}'s LUNA handler payloads are announced. */
    public static String positionsChannel(Topic topic) {
        return POSITIONS_PREFIX + tag(topic);
    }

    /** The topic of a positions channel, or null when {@code channel} is not one. */
    public static @Nullable Topic topicOfPositionsChannel(String channel) {
        if (!channel.startsWith(POSITIONS_PREFIX)) {
            return null;
        }
        String tag = channel.substring(POSITIONS_PREFIX.length());
        if (tag.equals(GENERAL_TAG)) {
            return Topic.generalEvents();
        }
        try {
            return Topic.handlerEvents(UUID.fromString(tag));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String tag(Topic topic) {
        return topic.kind() == Topic.Kind.GENERAL_EVENTS ? GENERAL_TAG
                : topic.accountId().toString().toLowerCase(Locale.ROOT);
    }
}
