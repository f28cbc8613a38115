package dev.sender.server.internal.http;

import java.util.Locale;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code Accept} header against the two media types a resource offers, by Jetty's reading of quality
 * values: the most preferred acceptable range wins, {@code q=0} excludes, and at equal quality the more specific
 * range does. {@code application/yaml} stands for {@code application/x-yaml}, its older name.
 */
public final class MediaTypes {

    /** Which offer the client accepts. */
    public enum Choice {
        /** The first offer. */
        FIRST,
        /** The second offer. */
        SECOND,
        /** No header, or one accepting anything: the resource's default. */
        DEFAULT,
        /** Neither offer. */
        NONE
    }

    private MediaTypes() {
    }

    /**
     * The offer {@code accept} prefers: each offer takes the quality of the most specific range that matches it
     * (the type itself, then {@code type/*}, then {@code *}{@code /*}), and the higher wins; on a tie, the one
     * the header names first.
     * Offers accepted only through wildcards leave the choice to the resource ({@link Choice#DEFAULT}).
     */
    public static Choice choose(@Nullable String accept, String first, String second) {
        if (accept == null || accept.isBlank()) {
            return Choice.DEFAULT;
        }
        QuotedQualityCSV ranges = new QuotedQualityCSV(QuotedQualityCSV.MOST_SPECIFIC_MIME_ORDERING);
        ranges.addValue(accept);
        Quality firstQuality = quality(ranges, first);
        Quality secondQuality = quality(ranges, second);
        if (firstQuality.weight <= 0 && secondQuality.weight <= 0) {
            return Choice.NONE;
        }
        if (!firstQuality.named && !secondQuality.named && firstQuality.weight == secondQuality.weight) {
            return Choice.DEFAULT;
        }
        if (firstQuality.weight != secondQuality.weight) {
            return firstQuality.weight > secondQuality.weight ? Choice.FIRST : Choice.SECOND;
        }
        return firstQuality.position <= secondQuality.position ? Choice.FIRST : Choice.SECOND;
    }

    /**
     * How much a client wants an offer, whether it named the offer rather than a wildcard covering it, and where
     * that range stands among the ranges in order of preference (the header's order among equals).
     */
    private record Quality(double weight, boolean named, int position) {
    }

    private static Quality quality(QuotedQualityCSV ranges, String offer) {
        String family = offer.substring(0, offer.indexOf('/') + 1) + "*";
        Quality best = new Quality(0, false, Integer.MAX_VALUE);
        int bestSpecificity = -1;
        int position = 0;
        for (QuotedQualityCSV.QualityValue range : ranges.getQualityValues()) {
            position++;
            String type = canonical(range.getValue().split(";")[0].trim().toLowerCase(Locale.ROOT));
            int specificity = type.equals(offer) ? 2 : type.equals(family) ? 1 : type.equals("*/*") ? 0 : -1;
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                best = new Quality(range.getWeight(), specificity == 2, position);
            }
        }
        return best;
    }

    private static String canonical(String type) {
        return type.equals("application/yaml") ? "application/x-yaml" : type;
    }
}
