package dev.sender.core.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code event.matches}: the candidates found in one matching list.
 *
 * @param label {@code label}, or {@code null} when missing
 * @param candidates {@code candidates}
 */
public record Match(@Nullable String label, List<Candidate> candidates) {

    /**
     * Copies the candidates.
     *
     * @param label {@code label}, or {@code null} when missing
     * @param candidates {@code candidates}
     */
    public Match {
        candidates = List.copyOf(candidates);
    }

    /**
     * One candidate of a match: a face or an earlier event, and its similarity.
     *
     * @param kind {@code "face"} or {@code "event"}, whichever object the candidate holds
     * @param id the {@code face_id} or {@code event_id} of that object, or {@code null} when missing
     * @param similarity {@code similarity}
     */
    public record Candidate(String kind, @Nullable String id, double similarity) {
    }
}
