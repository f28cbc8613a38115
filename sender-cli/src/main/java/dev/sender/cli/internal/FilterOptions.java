package dev.sender.cli.internal;

import dev.sender.core.event.Emotion;
import dev.sender.core.event.Gender;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The filters of {@code subscribe}: LUNA query parameters as they are ({@code --param}, {@code --query}), and
 * typed options for the common ones, each of which stands for one parameter ({@code --gender male} is
 * {@code gender=1}). Nothing is validated here beyond the types: the server judges the filter, and refuses a bad
 * one with {@code 400 12012} naming the parameter.
 */
final class FilterOptions {

    @Option(names = "--param", paramLabel = "NAME=VALUE", order = 10,
            description = "a LUNA filter parameter as it is, such as age__gte=30 or emotions=4,5; repeatable")
    private List<String> params = new ArrayList<>();

    @Option(names = "--query", paramLabel = "QUERY", order = 11,
            description = "LUNA filter parameters as a URL query string, such as 'gender=1&age__gte=30'")
    private @Nullable String query;

    @Option(names = "--source", paramLabel = "SOURCE", order = 12,
            description = "events of this source (sources); repeatable: any of them")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--handler", paramLabel = "UUID", order = 13,
            description = "events of this handler (handler_ids); repeatable: any of them")
    private List<UUID> handlers = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", order = 14,
            description = "events with this tag (tags); repeatable: all of them")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--gender", paramLabel = "female|male", order = 15,
            description = "faces of this gender (gender)")
    private @Nullable Gender gender;

    @Option(names = "--age-min", paramLabel = "YEARS", order = 16,
            description = "faces at least this old (age__gte)")
    private @Nullable Integer ageMin;

    @Option(names = "--age-max", paramLabel = "YEARS", order = 17,
            description = "faces at most this old (age__lt=YEARS+1)")
    private @Nullable Integer ageMax;

    @Option(names = "--emotion", paramLabel = "EMOTION", order = 18,
            description = "faces with this predominant emotion (emotions): anger, disgust, fear, happiness, neutral, "
                    + "sadness or surprise; repeatable: any of them")
    private List<Emotion> emotions = new ArrayList<>();

    @Option(names = "--similarity-min", paramLabel = "0..1", order = 19,
            description = "events whose top match is at least this similar (object_similarity__gte)")
    private @Nullable Double similarityMin;

    @Option(names = "--event-type", paramLabel = "TYPE", order = 20,
            description = "with --general: general events of this type (event_type); repeatable: any of them")
    private List<String> eventTypes = new ArrayList<>();

    /**
     * The query parameters of the subscription, in the order: typed options, {@code --query}, {@code --param}.
     *
     * @param general whether the subscription is to general events, which take only {@code --source},
     *     {@code --event-type} and raw parameters
     * @param account the {@code --account} of a general subscription, which filters on {@code account_id}; null for
     *     handler events, whose account is a header
     * @throws IllegalArgumentException saying which option is wrong: one of the other kind of events, a parameter
     *     given twice, or a {@code --param} or {@code --query} that does not read
     */
    Map<String, Object> parameters(boolean general, @Nullable UUID account) {
        Collected collected = new Collected(general);
        collected.put("--source", "sources", sources, true, true);
        collected.put("--handler", "handler_ids", handlers, true, false);
        collected.put("--tag", "tags", tags, true, false);
        collected.put("--gender", "gender", gender, true, false);
        collected.put("--age-min", "age__gte", ageMin, true, false);
        collected.put("--age-max", "age__lt", ageMax == null ? null : ageMax + 1, true, false);
        collected.put("--emotion", "emotions", emotions, true, false);
        collected.put("--similarity-min", "object_similarity__gte", similarityMin, true, false);
        collected.put("--event-type", "event_type", eventTypes, false, true);
        collected.put("--account", "account_id", account, false, true);
        if (query != null) {
            for (String pair : query.startsWith("?") ? query.substring(1).split("&") : query.split("&")) {
                if (!pair.isEmpty()) {
                    collected.raw("--query", decode(pair));
                }
            }
        }
        for (String param : params) {
            collected.raw("--param", param);
        }
        return collected.values;
    }

    private static String decode(String pair) {
        try {
            return URLDecoder.decode(pair, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--query: '" + pair + "' is not URL-encoded: " + e.getMessage(), e);
        }
    }

    /** Parameters collected from the options, each given once. */
    private static final class Collected {

        private final boolean general;
        private final Map<String, Object> values = new LinkedHashMap<>();
        /** The option that gave each parameter, for the message about one given twice. */
        private final Map<String, String> givenBy = new HashMap<>();

        Collected(boolean general) {
            this.general = general;
        }

        /** A typed option's parameter, unless the option was not given. */
        void put(String option, String name, @Nullable Object value, boolean forHandlerEvents,
                boolean forGeneralEvents) {
            if (value == null || value instanceof Collection<?> list && list.isEmpty()) {
                return;
            }
            if (general && !forGeneralEvents) {
                throw new IllegalArgumentException(option + " filters handler events, not general ones (--general)");
            }
            if (!general && !forHandlerEvents) {
                throw new IllegalArgumentException(option + " filters general events: add --general");
            }
            add(option, name, value);
        }

        /** A raw {@code NAME=VALUE}. */
        void raw(String option, String pair) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(option + " expects NAME=VALUE, got '" + pair + "'");
            }
            add(option, pair.substring(0, equals), pair.substring(equals + 1));
        }

        private void add(String option, String name, Object value) {
            String earlier = givenBy.putIfAbsent(name, option);
            if (earlier != null) {
                throw new IllegalArgumentException("the filter parameter '" + name + "' is given twice"
                        + (earlier.equals(option) ? ", by " + option : ": by " + earlier + " and by " + option));
            }
            values.put(name, value);
        }
    }
}
