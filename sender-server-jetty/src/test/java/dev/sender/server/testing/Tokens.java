package dev.sender.server.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keys generated with nimbus, written where the server reads them, and tokens signed with them: the test kit of
 * access control (SPEC §8).
 */
public final class Tokens {

    private final JWK key;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;

    private Tokens(JWK key, JWSAlgorithm algorithm, JWSSigner signer) {
        this.key = key;
        this.algorithm = algorithm;
        this.signer = signer;
    }

    /**
     * An HS256 secret as operators make one ({@code openssl rand -base64 32}): 32 random bytes in base64, 44 ASCII
     * characters. Raw random bytes would end in {@code \r} one time in 256, and the server, dropping a trailing
     * CRLF from the file, would read a shorter secret than the one the tokens are signed with.
     */
    public static Tokens hs256() {
        try {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            OctetSequenceKey secret = new OctetSequenceKey.Builder(Base64.getEncoder().encode(random)).build();
            return new Tokens(secret, JWSAlgorithm.HS256, new MACSigner(secret));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** An RSA 2048 key pair with {@code kid}. */
    public static Tokens rs256(String kid) {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid).generate();
            return new Tokens(rsa, JWSAlgorithm.RS256, new RSASSASigner(rsa));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** An EC P-256 key pair with {@code kid}. */
    public static Tokens es256(String kid) {
        try {
            ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
            return new Tokens(ec, JWSAlgorithm.ES256, new ECDSASigner(ec));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** The key. */
    public JWK key() {
        return key;
    }

    /** Writes the HS256 secret's bytes, with a trailing newline, to a file in {@code dir}. */
    public Path writeSecret(Path dir) {
        return write(dir.resolve("secret"), ((OctetSequenceKey) key).toByteArray(), true);
    }

    /** Writes the public key as a PEM {@code PUBLIC KEY} to a file in {@code dir}. */
    public Path writePem(Path dir) {
        try {
            byte[] der = key instanceof RSAKey rsa ? rsa.toPublicKey().getEncoded() : ((ECKey) key).toPublicKey()
                    .getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            return write(dir.resolve("key.pem"), pem.getBytes(StandardCharsets.US_ASCII), false);
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes a JWK Set of the public keys of {@code keys} to a file in {@code dir}. */
    public static Path writeJwks(Path dir, Tokens... keys) {
        List<JWK> jwks = java.util.Arrays.stream(keys).map(t -> t.key.toPublicJWK()).toList();
        return write(dir.resolve("jwks.json"), new JWKSet(jwks).toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** Claims that grant {@code scope} on {@code accounts} for a minute. */
    public static JWTClaimsSet.Builder claims(String scope, Object accounts) {
        return new JWTClaimsSet.Builder().subject("tester").claim("scope", scope)
                .claim("accounts", accounts instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(accounts)))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(1))));
    }

    /** A token of {@code scope} on {@code account} for a minute. */
    public String token(String scope, UUID account) {
        return sign(claims(scope, account).build());
    }

    /** A token of {@code scope} on {@code account}, its claims edited by {@code edit}. */
    public String token(String scope, UUID account, Consumer<JWTClaimsSet.Builder> edit) {
        JWTClaimsSet.Builder claims = claims(scope, account);
        edit.accept(claims);
        return sign(claims.build());
    }

    /** {@code claims} signed with this key, the header naming its {@code kid} if it has one. */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code claims} unsigned: {@code alg: none}. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /**
     * {@code claims} signed with HS256 whose secret is the bytes of this key's public PEM file: the algorithm
     * confusion a verifier must not fall for.
     */
    public String confused(JWTClaimsSet claims, Path pem) {
        try {
            byte[] secret = Files.readAllBytes(pem);
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (IOException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code token} with its signature replaced by another of the same length. */
    public static String tampered(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64URL.from(token.substring(dot + 1)).decode();
        signature[0] ^= 1;
        return token.substring(0, dot + 1) + Base64URL.encode(signature);
    }

    private static Path write(Path file, byte[] bytes, boolean newline) {
        try {
            Files.write(file, bytes);
            if (newline) {
                Files.write(file, new byte[] {'\n'}, java.nio.file.StandardOpenOption.APPEND);
            }
            return file;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
