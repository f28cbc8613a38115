package dev.sender.core.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A PKCS#12 keystore with a self-signed EC certificate for {@code localhost} and {@code 127.0.0.1}, made by the
 * JDK's {@code keytool}, and an {@link SSLContext} that trusts that certificate alone.
 *
 * @param path the keystore file
 * @param password its password (also that of the key)
 */
public record TestKeystore(Path path, String password) {

    /** Runs {@code keytool -genkeypair} to make {@code sender.p12} in {@code dir}. */
    public static TestKeystore generate(Path dir) {
        Path path = dir.resolve("sender.p12");
        String password = "sender-test-password";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = List.of(keytool.toString(), "-genkeypair", "-storetype", "PKCS12", "-keyalg", "EC",
                "-groupname", "secp256r1", "-alias", "sender", "-dname", "CN=localhost", "-validity", "2",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-keystore", path.toString(), "-storepass", password);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(path)) {
                throw new AssertionError("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + keytool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new TestKeystore(path, password);
    }

    /** A TLS context that trusts this keystore's certificate and nothing else. */
    public SSLContext trustingContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustedCertificate());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Writes a PKCS#12 trust store that holds this keystore's certificate and no key, with the same password: what
     * a client of a server with a private certificate authority is given.
     *
     * @param file where to write it
     * @return {@code file}
     */
    public Path writeTrustStore(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustedCertificate().store(out, password.toCharArray());
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private KeyStore trustedCertificate() {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, password.toCharArray());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("sender", keys.getCertificate("sender"));
            return trusted;
        } catch (IOException | GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
