package dev.sender.core;

/**
 * The names of the LUNA headers of SPEC §1, as server, client and brokers write them. HTTP header names are
 * case-insensitive; these are the spellings LUNA uses.
 */
public final class LunaHeaders {

    /** The account whose events a request subscribes to or publishes: a UUID. */
    public static final String ACCOUNT_ID = "Luna-Account-Id";

    /** The request id a client may send (see {@link RequestId}); also a member of published payloads. */
    public static final String REQUEST_ID = "Luna-Request-Id";

    /** The request id on every response, spelled as LUNA spells it there. */
    public static final String RESPONSE_REQUEST_ID = "LUNA-Request-Id";

    private LunaHeaders() {
    }
}
