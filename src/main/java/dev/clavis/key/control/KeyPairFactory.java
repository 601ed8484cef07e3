package dev.clavis.key.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;

/**
 * Generates signing key pairs and makes signers for them. RS256 (RSA 2048) is the default because every resource
 * server can verify it; ES256 (P-256) is faster to sign; PS256 (RSA-PSS) for resource servers that ask for it (not
 * Payara's MicroProfile JWT, which verifies RS256 and ES256 only); EdDSA with Ed25519 (RFC 8037), the smallest and
 * fastest, for resource servers that verify it.
 */
public final class KeyPairFactory {

    private KeyPairFactory() {}

    /** @return a private JWK whose key ID is its RFC 7638 thumbprint, with {@code use} and {@code alg} set */
    /** The algorithms Clavis signs with. */
    public static final List<JWSAlgorithm> SUPPORTED =
            List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256, JWSAlgorithm.EdDSA);

    public static JWK generate(JWSAlgorithm algorithm) {
        if (JWSAlgorithm.EdDSA.equals(algorithm)) {
            return Ed25519Keys.generate();
        }
        JWKGenerator<? extends JWK> generator;
        if (JWSAlgorithm.RS256.equals(algorithm) || JWSAlgorithm.PS256.equals(algorithm)) {
            generator = new RSAKeyGenerator(2048);
        } else if (JWSAlgorithm.ES256.equals(algorithm)) {
            generator = new ECKeyGenerator(Curve.P_256);
        } else {
            throw new IllegalArgumentException(
                    "Unsupported signing algorithm " + algorithm + "; use RS256, ES256, PS256 or EdDSA");
        }
        try {
            return generator
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(algorithm)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a " + algorithm + " key", e);
        }
    }

    public static JWSSigner signer(JWK privateKey) {
        try {
            return switch (privateKey.getKeyType().getValue()) {
                case "RSA" -> new RSASSASigner(privateKey.toRSAKey());
                case "EC" -> new ECDSASigner(privateKey.toECKey());
                case "OKP" -> Ed25519Keys.signer(privateKey.toOctetKeyPair());
                default -> throw new IllegalArgumentException("Unsupported key type " + privateKey.getKeyType());
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make a signer for key " + privateKey.getKeyID(), e);
        }
    }
}
