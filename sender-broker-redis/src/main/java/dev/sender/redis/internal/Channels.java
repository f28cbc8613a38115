package dev.sender.redis.internal;

import dev.sender.core.Topic;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Redis channels of SPEC §6 and how topics map to them. */
public final class Channels {

    /** Prefix of the channel of an account's handler events: {@code luna-sender:{account_id}}. */
    public static final String HANDLER_PREFIX = "luna-sender:";
    /** The channel of general events. */
    public static final String GENERAL = "luna-sender-general";
    /** Prefix of a node's own health-probe channel (a Sender decision, outside LUNA's names). */
    public static final String HEALTH_PREFIX = "sender-health:";

    private Channels() {
    }

    /** The channel of {@code topic}. */
    public static String of(Topic topic) {
        return topic.kind() == Topic.Kind.GENERAL_EVENTS ? GENERAL : handler(topic.accountId());
    }

    /** The channel of {@code account}'s handler events. */
    public static String handler(UUID account) {
        return HANDLER_PREFIX + account.toString().toLowerCase(Locale.ROOT);
    }

    /** The topic of {@code channel}: general events, or an account's handler events; null for any other. */
    public static @Nullable Topic topic(String channel) {
        if (channel.equals(GENERAL)) {
            return Topic.generalEvents();
        }
        UUID account = account(channel);
        return account == null ? null : Topic.handlerEvents(account);
    }

    /** The account of a handler-event channel, or {@code null} when {@code channel} is not one. */
    public static @Nullable UUID account(String channel) {
        if (!channel.startsWith(HANDLER_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(channel.substring(HANDLER_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
