package dev.clavis.revocation.control;

import static dev.clavis.revocation.control.TestTokens.ISSUER;
import static dev.clavis.revocation.control.TestTokens.claims;
import static dev.clavis.revocation.control.TestTokens.rs256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.clavis.revocation.control.TokenCheck.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(ISSUER, TestTokens.published());

    private Reason reasonFor(String token) {
        return assertInstanceOf(TokenCheck.Invalid.class, verifier.verify(token, NOW))
                .reason();
    }

    private static JWTClaimsSet valid() {
        return claims("pos", "jti-1", NOW.minusSeconds(10)).build();
    }

    @Test
    void verifyWhenRs256AtJwtFromPublishedKeyThenValidWithClaims() {
        AccessToken token = assertInstanceOf(TokenCheck.Valid.class, verifier.verify(rs256(valid()), NOW))
                .token();
        assertEquals("pos", token.clientId());
        assertEquals("jti-1", token.jti());
        assertEquals(TestTokens.AUDIENCE, token.audience().get(0));
        assertEquals(NOW.minusSeconds(10), token.issuedAt());
    }

    @Test
    void verifyWhenEs256JwtTypeWithKeyWithoutAlgThenValid() {
        assertInstanceOf(TokenCheck.Valid.class, verifier.verify(TestTokens.es256(valid()), NOW));
    }

    @Test
    void verifyWhenSignedByAnotherKeyWithThePublishedKidThenBadSignature() {
        String forged = TestTokens.sign(
                TestTokens.rsaSigner(TestTokens.FORGER), JWSAlgorithm.RS256, "rsa-1", "at+jwt", valid());
        assertEquals(Reason.BAD_SIGNATURE, reasonFor(forged));
    }

    @Test
    void verifyWhenKidUnknownOrMissingThenBadSignature() {
        JWSSigner signer = TestTokens.rsaSigner(TestTokens.RSA);
        assertEquals(
                Reason.BAD_SIGNATURE,
                reasonFor(TestTokens.sign(signer, JWSAlgorithm.RS256, "gone", "at+jwt", valid())));
        assertEquals(
                Reason.BAD_SIGNATURE, reasonFor(TestTokens.sign(signer, JWSAlgorithm.RS256, null, "at+jwt", valid())));
    }

    @Test
    void verifyWhenKeyRevokedThenNoLongerPublishedAndBadSignature() {
        AccessTokenVerifier withoutRsa =
                new AccessTokenVerifier(ISSUER, new com.nimbusds.jose.jwk.JWKSet(TestTokens.EC.toPublicJWK()));
        assertEquals(
                Reason.BAD_SIGNATURE,
                assertInstanceOf(TokenCheck.Invalid.class, withoutRsa.verify(rs256(valid()), NOW))
                        .reason());
    }

    @Test
    void verifyWhenHs256WithThePublicKeyAsSecretThenMalformed() throws JOSEException {
        // the classic algorithm confusion: HMAC keyed with the public key's bytes
        byte[] secret = TestTokens.RSA.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String token = TestTokens.sign(new MACSigner(secret), JWSAlgorithm.HS256, "rsa-1", "at+jwt", valid());
        assertEquals(Reason.MALFORMED, reasonFor(token));
    }

    @Test
    void verifyWhenUnsignedThenMalformed() {
        assertEquals(Reason.MALFORMED, reasonFor(new PlainJWT(valid()).serialize()));
    }

    @Test
    void verifyWhenAlgorithmOfTheWrongKeyThenBadSignature() {
        // PS256 is not pinned: refused before any key is tried
        String token =
                TestTokens.sign(TestTokens.rsaSigner(TestTokens.RSA), JWSAlgorithm.PS256, "rsa-1", "at+jwt", valid());
        assertEquals(Reason.MALFORMED, reasonFor(token));
    }

    @Test
    void verifyWhenTypeIsNotAnAccessTokenThenMalformed() {
        JWSSigner signer = TestTokens.rsaSigner(TestTokens.RSA);
        assertEquals(
                Reason.MALFORMED, reasonFor(TestTokens.sign(signer, JWSAlgorithm.RS256, "rsa-1", "id+jwt", valid())));
    }

    @Test
    void verifyWhenCriticalHeaderParameterThenMalformed() {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt"))
                .criticalParams(Set.of("x-must-understand"))
                .customParam("x-must-understand", true);
        assertEquals(
                Reason.MALFORMED, reasonFor(TestTokens.sign(TestTokens.rsaSigner(TestTokens.RSA), header, valid())));
    }

    @Test
    void verifyWhenEmptyCriticalListThenMalformed() {
        String genuine = rs256(valid());
        String[] parts = genuine.split("\\.");
        String header = "{\"alg\":\"RS256\",\"kid\":\"rsa-1\",\"typ\":\"at+jwt\",\"crit\":[]}";
        String encoded =
                Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        // not signed over this header, but the header must be refused before the signature is even tried
        assertEquals(Reason.MALFORMED, reasonFor(encoded + "." + parts[1] + "." + parts[2]));
    }

    @Test
    void verifyWhenStandardBase64OrPaddingThenMalformed() {
        String genuine = rs256(valid());
        assertEquals(Reason.MALFORMED, reasonFor(genuine.replace('-', '+').replace('_', '/') + "=="));
        assertEquals(Reason.MALFORMED, reasonFor(genuine + "="));
        assertEquals(Reason.MALFORMED, reasonFor(genuine + ".AAAA"));
        assertEquals(Reason.MALFORMED, reasonFor(" " + genuine));
    }

    @Test
    void verifyWhenGarbageThenMalformed() {
        for (String garbage : new String[] {"", "x", "a.b.c", "....", "eyJ.eyJ.sig", "%%%", "a".repeat(40_000)}) {
            assertEquals(Reason.MALFORMED, reasonFor(garbage), garbage.length() > 20 ? "long" : garbage);
        }
        String header =
                Base64.getUrlEncoder().withoutPadding().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.MALFORMED, reasonFor(header + "." + header + ".c2ln"));
    }

    @Test
    void verifyWhenOtherIssuerThenWrongIssuer() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(valid())
                .issuer("https://evil.example.com")
                .build();
        assertEquals(Reason.WRONG_ISSUER, reasonFor(rs256(claims)));
    }

    @Test
    void verifyWhenExpiredThenExpired() {
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder(valid()).expirationTime(Date.from(NOW)).build();
        assertEquals(Reason.EXPIRED, reasonFor(rs256(claims)));
    }

    @Test
    void verifyWhenNotBeforeLaterThanSkewThenNotYetValid() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(valid())
                .notBeforeTime(Date.from(NOW.plusSeconds(600)))
                .build();
        assertEquals(Reason.NOT_YET_VALID, reasonFor(rs256(claims)));
    }

    @Test
    void verifyWhenRequiredClaimMissingOrMistypedThenMalformed() {
        assertEquals(
                Reason.MALFORMED,
                reasonFor(rs256(new JWTClaimsSet.Builder(valid()).jwtID(null).build())));
        assertEquals(
                Reason.MALFORMED,
                reasonFor(rs256(new JWTClaimsSet.Builder(valid())
                        .claim("client_id", null)
                        .build())));
        assertEquals(
                Reason.MALFORMED,
                reasonFor(rs256(
                        new JWTClaimsSet.Builder(valid()).claim("client_id", 42).build())));
        assertEquals(
                Reason.MALFORMED,
                reasonFor(rs256(
                        new JWTClaimsSet.Builder(valid()).expirationTime(null).build())));
    }
}
