package dev.sender.server.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.jspecify.annotations.Nullable;

/**
 * The server's TLS: a PKCS#12 keystore, read and checked before Jetty starts, so that a keystore that cannot serve
 * is one clear line rather than a stack trace from the first handshake.
 */
public final class TlsKeystore {

    private TlsKeystore() {
    }

    /**
     * A Jetty TLS context serving the private key and certificate chain of the keystore at {@code path}.
     *
     * @throws IllegalStateException naming the keystore and what is wrong with it: missing, unreadable, not
     *     PKCS#12, a wrong password, or no private key in it
     */
    public static SslContextFactory.Server contextFactory(Path path, @Nullable String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(path)) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, secret);
            if (Collections.list(keyStore.aliases()).stream().noneMatch(alias -> isKey(keyStore, alias))) {
                throw new IllegalStateException(refusal(path, "it holds no private key"));
            }
            for (String alias : Collections.list(keyStore.aliases())) {
                if (isKey(keyStore, alias)) {
                    keyStore.getKey(alias, secret);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(refusal(path, "no such file"), e);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException(refusal(path, "permission denied"), e);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException(refusal(path, "wrong password"), e);
        } catch (IOException e) {
            String reason = e.getCause() instanceof UnrecoverableKeyException ? "wrong password"
                    : "not a PKCS#12 keystore, or a wrong password (" + e.getMessage() + ")";
            throw new IllegalStateException(refusal(path, reason), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(refusal(path, String.valueOf(e.getMessage())), e);
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(keyStore);
        factory.setKeyStorePassword(password == null ? "" : password);
        factory.setKeyManagerPassword(password == null ? "" : password);
        return factory;
    }

    private static boolean isKey(KeyStore keyStore, String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String refusal(Path path, String reason) {
        return "cannot use the TLS keystore " + path + ": " + reason;
    }
}
