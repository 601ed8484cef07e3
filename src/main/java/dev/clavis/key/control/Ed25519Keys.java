package dev.clavis.key.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;

/**
 * EdDSA with Ed25519 keys (RFC 8037) through the JDK's own Ed25519 (Java 15+). Nimbus signs Ed25519 only with Google
 * Tink, a dependency of several megabytes for one algorithm, so key generation and signing use the JDK and Nimbus
 * only carries the key as an OKP JWK. The JDK encodes Ed25519 keys in fixed DER wrappers around the 32 raw bytes of
 * RFC 8032, which is what the JWK holds.
 */
final class Ed25519Keys {

    /** PKCS #8 PrivateKeyInfo of an Ed25519 key, up to its 32 raw bytes (RFC 8410 §7). */
    private static final byte[] PRIVATE_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };
    /** X.509 SubjectPublicKeyInfo of an Ed25519 key, up to its 32 raw bytes (RFC 8410 §4). */
    private static final int PUBLIC_PREFIX_LENGTH = 12;

    private Ed25519Keys() {}

    static OctetKeyPair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x = tail(pair.getPublic().getEncoded(), PUBLIC_PREFIX_LENGTH);
            byte[] d = tail(pair.getPrivate().getEncoded(), PRIVATE_PREFIX.length);
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                    .d(Base64URL.encode(d))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("Could not generate an Ed25519 key", e);
        }
    }

    static JWSSigner signer(OctetKeyPair key) {
        if (!Curve.Ed25519.equals(key.getCurve()) || key.getD() == null) {
            throw new IllegalArgumentException("Not a private Ed25519 key: " + key.getKeyID());
        }
        byte[] d = key.getD().decode();
        byte[] encoded = Arrays.copyOf(PRIVATE_PREFIX, PRIVATE_PREFIX.length + d.length);
        System.arraycopy(d, 0, encoded, PRIVATE_PREFIX.length, d.length);
        try {
            PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new Signer(privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read the Ed25519 key " + key.getKeyID(), e);
        }
    }

    private static byte[] tail(byte[] encoded, int prefix) {
        if (encoded.length != prefix + 32) {
            throw new IllegalStateException("Unexpected Ed25519 key encoding of " + encoded.length + " bytes");
        }
        return Arrays.copyOfRange(encoded, prefix, encoded.length);
    }

    /** Signs JWS with EdDSA; Ed25519 signatures are deterministic and need no randomness. */
    private static final class Signer implements JWSSigner {

        private final PrivateKey key;
        private final JCAContext context = new JCAContext();

        Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("An Ed25519 key signs EdDSA only, not " + header.getAlgorithm());
            }
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("Could not sign with Ed25519", e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
