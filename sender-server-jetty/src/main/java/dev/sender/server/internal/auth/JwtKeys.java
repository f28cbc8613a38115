package dev.sender.server.internal.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.util.X509CertUtils;
import dev.sender.server.SenderSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that verify tokens, read once from the one {@code jwt-*-file} setting given, and the exact algorithms
 * they verify: HS256 for a secret, RS256 for an RSA key, ES256 for a P-256 key. A token signed with any other
 * algorithm ({@code none} included) is refused by nimbus before a key is even looked for, so an RSA public key is
 * never used as an HMAC secret.
 */
final class JwtKeys {

    /** The fewest bytes of an HS256 secret: 256 bits, as RFC 7518 §3.2 requires. */
    static final int MIN_SECRET_BYTES = 32;

    private JwtKeys() {
    }

    /**
     * The key selector of {@code settings}.
     *
     * @throws IllegalStateException with a one-line message when there is not exactly one key source, or its file
     *     cannot be read or holds no usable key
     */
    static JWSKeySelector<SecurityContext> selector(SenderSettings settings) {
        List<String> given = new ArrayList<>();
        Stream.of(settings.jwtHs256SecretFile() == null ? null : "jwt-hs256-secret-file",
                settings.jwtPublicKeyFile() == null ? null : "jwt-public-key-file",
                settings.jwtJwksFile() == null ? null : "jwt-jwks-file").filter(k -> k != null).forEach(given::add);
        if (given.size() != 1) {
            throw new IllegalStateException("auth=jwt needs exactly one of jwt-hs256-secret-file, "
                    + "jwt-public-key-file and jwt-jwks-file; " + (given.isEmpty() ? "none is" : given + " are")
                    + " given");
        }
        Path hs256 = settings.jwtHs256SecretFile();
        if (hs256 != null) {
            return new SingleKeyJWSKeySelector<>(JWSAlgorithm.HS256, new SecretKeySpec(secret(hs256), "HmacSHA256"));
        }
        Path pem = settings.jwtPublicKeyFile();
        if (pem != null) {
            // One key: whatever kid a token names, this key verifies it, with its one algorithm.
            JWK key = publicKey(pem);
            return new SingleKeyJWSKeySelector<>(algorithmOf(key, pem), toPublicKey(key));
        }
        Path jwks = java.util.Objects.requireNonNull(settings.jwtJwksFile());
        return jwks(jwks);
    }

    /** The secret in {@code file}: its bytes less one trailing newline. */
    static byte[] secret(Path file) {
        byte[] bytes = read(file, "jwt-hs256-secret-file");
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        if (length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("jwt-hs256-secret-file " + file + " holds a secret of " + length
                    + " bytes; HS256 needs at least " + MIN_SECRET_BYTES);
        }
        return Arrays.copyOf(bytes, length);
    }

    private static JWK publicKey(Path file) {
        String pem = new String(read(file, "jwt-public-key-file"), StandardCharsets.US_ASCII);
        try {
            PublicKey key;
            if (pem.contains("-----BEGIN CERTIFICATE-----")) {
                X509Certificate certificate = X509CertUtils.parseWithException(pem);
                key = certificate.getPublicKey();
            } else {
                key = parsePublicKey(pem);
            }
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).build();
            }
            if (key instanceof ECPublicKey ec) {
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
            }
            throw new IllegalStateException("jwt-public-key-file " + file + " holds a " + key.getAlgorithm()
                    + " key; RS256 (RSA) or ES256 (EC P-256) is needed");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("jwt-public-key-file " + file + " holds no PEM public key or certificate ("
                    + e.getMessage() + ")", e);
        }
    }

    private static PublicKey toPublicKey(JWK key) {
        try {
            return key instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) key).toPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("the key of jwt-public-key-file cannot be used: " + e.getMessage(), e);
        }
    }

    private static PublicKey parsePublicKey(String pem) throws GeneralSecurityException {
        int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
        int end = pem.indexOf("-----END PUBLIC KEY-----");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no '-----BEGIN PUBLIC KEY-----' block");
        }
        String base64 = pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end).replaceAll("\\s", "");
        X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }

    private static JWSAlgorithm algorithmOf(JWK key, Path file) {
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        throw new IllegalStateException(file + " holds a key for neither RS256 (RSA) nor ES256 (EC P-256)");
    }

    private static JWSKeySelector<SecurityContext> jwks(Path file) {
        JWKSet set;
        try {
            set = JWKSet.parse(new String(read(file, "jwt-jwks-file"), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("jwt-jwks-file " + file + " is not a JWK Set: " + e.getMessage(), e);
        }
        List<JWK> keys = new ArrayList<>();
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        for (JWK key : set.getKeys()) {
            // Only public keys: a shared secret beside public keys would let anyone holding it sign.
            if (key instanceof RSAKey || key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                keys.add(key.toPublicJWK());
                algorithms.add(algorithmOf(key, file));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("jwt-jwks-file " + file + " holds no RSA or EC P-256 public key");
        }
        JWKSource<SecurityContext> source = new ImmutableJWKSet<>(new JWKSet(keys));
        return new JWSVerificationKeySelector<>(algorithms, source);
    }

    private static byte[] read(Path file, String setting) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(setting + " " + file + " cannot be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }
}
