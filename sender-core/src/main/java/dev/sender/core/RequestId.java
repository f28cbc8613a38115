package dev.sender.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * LUNA request ids: Unix seconds, a comma, a lower-case UUID, such as
 * {@code 1536751345,8b8b5937-2e9c-4e8b-a7a7-5caf86621b5a}.
 */
public final class RequestId {

    private static final Pattern FORMAT = Pattern.compile(
            "[0-9]{10},[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");

    private RequestId() {
    }

    /**
     * A new request id for now. Its UUID is random (version 4) but not cryptographically so: a request id
     * identifies a request in logs, it is no secret, and generating one must stay cheap under load.
     *
     * @return {@code <unix seconds>,<uuid>}
     */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String seconds = Long.toString(System.currentTimeMillis() / 1000);
        return "0".repeat(Math.max(0, 10 - seconds.length())) + seconds + "," + new UUID(high, low);
    }

    /**
     * Whether {@code value} has the request id format.
     *
     * @param value a candidate request id, such as a {@code Luna-Request-Id} header
     * @return {@code true} when it is {@code <unix seconds>,<uuid>}
     */
    public static boolean isValid(String value) {
        return FORMAT.matcher(value).matches();
    }
}
