package dev.clavis.key.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import java.text.ParseException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPairFactoryTest {

    // RSA key generation is slow: generate each kind once. The keys are never modified.
    private static JWK rsa;
    private static JWK ec;

    @BeforeAll
    static void generateKeys() {
        rsa = KeyPairFactory.generate(JWSAlgorithm.RS256);
        ec = KeyPairFactory.generate(JWSAlgorithm.ES256);
    }

    private static JWSObject sign(JWK key, JWSAlgorithm algorithm) throws JOSEException {
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), new Payload("{\"sub\":\"my-app\"}"));
        jws.sign(KeyPairFactory.signer(key));
        return jws;
    }

    private static JWSObject reparse(JWSObject jws) throws ParseException {
        return JWSObject.parse(jws.serialize());
    }

    @Test
    void generateWhenRs256ThenRsa2048PrivateKey() {
        RSAKey key = assertInstanceOf(RSAKey.class, rsa);
        assertAll(() -> assertEquals(2048, key.size()), () -> assertTrue(key.isPrivate()));
    }

    @Test
    void generateWhenRs256ThenUseSigAndAlgRs256() {
        assertAll(
                () -> assertEquals(KeyUse.SIGNATURE, rsa.getKeyUse()),
                () -> assertEquals(JWSAlgorithm.RS256, rsa.getAlgorithm()));
    }

    @Test
    void generateWhenRs256ThenKidIsRfc7638Thumbprint() throws JOSEException {
        assertEquals(rsa.toPublicJWK().computeThumbprint("SHA-256").toString(), rsa.getKeyID());
    }

    @Test
    void generateWhenEs256ThenP256PrivateKey() {
        ECKey key = assertInstanceOf(ECKey.class, ec);
        assertAll(() -> assertEquals(Curve.P_256, key.getCurve()), () -> assertTrue(key.isPrivate()));
    }

    @Test
    void generateWhenEs256ThenUseSigAlgEs256AndThumbprintKid() throws JOSEException {
        assertAll(
                () -> assertEquals(KeyUse.SIGNATURE, ec.getKeyUse()),
                () -> assertEquals(JWSAlgorithm.ES256, ec.getAlgorithm()),
                () -> assertEquals(ec.toPublicJWK().computeThumbprint("SHA-256").toString(), ec.getKeyID()));
    }

    @Test
    void generateWhenCalledTwiceThenDifferentKeys() {
        JWK other = KeyPairFactory.generate(JWSAlgorithm.ES256);
        assertNotEquals(ec.getKeyID(), other.getKeyID());
    }

    @Test
    void toPublicJwkThenNoPrivatePartAndSameKid() {
        JWK published = rsa.toPublicJWK();
        assertAll(
                () -> assertFalse(published.isPrivate()),
                () -> assertFalse(published.toJSONObject().containsKey("d")),
                () -> assertEquals(rsa.getKeyID(), published.getKeyID()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "ES384", "ES512", "ES256K", "HS256", "Ed25519", "none"})
    void generateWhenOtherAlgorithmThenRefused(String algorithm) {
        assertThrows(IllegalArgumentException.class, () -> KeyPairFactory.generate(JWSAlgorithm.parse(algorithm)));
    }

    @Test
    void signerWhenRsaKeyThenPublicKeyVerifiesSignature() throws Exception {
        JWSVerifier verifier = new RSASSAVerifier(rsa.toPublicJWK().toRSAKey());
        assertTrue(reparse(sign(rsa, JWSAlgorithm.RS256)).verify(verifier));
    }

    @Test
    void generateWhenPs256ThenRsaKeyWhoseSignaturesVerifyAsPs256() throws Exception {
        JWK ps = KeyPairFactory.generate(JWSAlgorithm.PS256);

        assertEquals(JWSAlgorithm.PS256, ps.getAlgorithm());
        JWSObject signed = reparse(sign(ps, JWSAlgorithm.PS256));
        assertEquals(JWSAlgorithm.PS256, signed.getHeader().getAlgorithm());
        assertTrue(signed.verify(new RSASSAVerifier(ps.toPublicJWK().toRSAKey())));
    }

    @Test
    void generateWhenEdDsaThenEd25519KeyWhoseSignaturesTheJdkVerifies() throws Exception {
        JWK ed = KeyPairFactory.generate(JWSAlgorithm.EdDSA);
        OctetKeyPair key = assertInstanceOf(OctetKeyPair.class, ed);
        assertEquals(Curve.Ed25519, key.getCurve());
        assertEquals(ed.computeThumbprint().toString(), ed.getKeyID());
        assertFalse(ed.toPublicJWK().toJSONString().contains("\"d\""), "no private part when published");

        JWSObject signed = reparse(sign(ed, JWSAlgorithm.EdDSA));

        byte[] x = key.getX().decode();
        byte[] spki = new byte[12 + x.length];
        System.arraycopy(
                new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, spki, 0, 12);
        System.arraycopy(x, 0, spki, 12, x.length);
        java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(signed.getSigningInput());
        assertTrue(verifier.verify(signed.getSignature().decode()), "RFC 8037 signature over the signing input");
        assertThrows(JOSEException.class, () -> sign(ed, JWSAlgorithm.ES256));
    }

    @Test
    void signerWhenEcKeyThenPublicKeyVerifiesSignature() throws Exception {
        JWSVerifier verifier = new ECDSAVerifier(ec.toPublicJWK().toECKey());
        assertTrue(reparse(sign(ec, JWSAlgorithm.ES256)).verify(verifier));
    }

    @Test
    void signerWhenOtherKeyThenVerificationFails() throws Exception {
        JWSVerifier verifier = new ECDSAVerifier(
                KeyPairFactory.generate(JWSAlgorithm.ES256).toPublicJWK().toECKey());
        assertFalse(reparse(sign(ec, JWSAlgorithm.ES256)).verify(verifier));
    }

    @Test
    void signerWhenSymmetricKeyThenRefused() throws JOSEException {
        JWK secret = new OctetSequenceKeyGenerator(256).generate();
        assertThrows(IllegalArgumentException.class, () -> KeyPairFactory.signer(secret));
    }
}
