package dev.sender.server;

/** How a Sender server authenticates requests: {@link SenderSettings#auth()} (SPEC §8). */
public enum AuthMode {
    /** No access control, as LUNA's Sender: whoever reaches the server may subscribe and publish. */
    NONE,
    /** Every subscription, publish and {@code /config} needs a JSON Web Token. */
    JWT
}
