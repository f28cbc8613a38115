package dev.sender.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@code GET /healthcheck} answers when the server and its broker work:
 * {@code {"execution_time": 0.0012}}. A server whose broker does not work answers 502, which
 * {@link SenderClient#health()} throws as a {@link SenderException}.
 *
 * @param executionTime how long the server spent checking
 */
public record Health(Duration executionTime) {

    /**
     * Checks the member.
     *
     * @param executionTime how long the server took to check itself and its broker; not negative
     */
    public Health {
        Objects.requireNonNull(executionTime, "executionTime");
    }
}
