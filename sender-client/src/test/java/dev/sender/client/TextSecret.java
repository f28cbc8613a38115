package dev.sender.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An HS256 secret as an operator makes one ({@code openssl rand -base64 32 > secret}): 32 random bytes in base64,
 * written with a trailing newline that the server drops. Random raw bytes would end in a newline one time in 256,
 * and the server would read a secret one byte shorter than the one the tokens are signed with.
 */
final class TextSecret {

    private TextSecret() {
    }

    /** The secret's bytes: 44 ASCII characters. */
    static byte[] generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encode(random);
    }

    /** Writes {@code secret} and a newline to {@code file}. */
    static Path write(Path file, byte[] secret) throws IOException {
        byte[] line = Arrays.copyOf(secret, secret.length + 1);
        line[secret.length] = '\n';
        return Files.write(file, line);
    }
}
