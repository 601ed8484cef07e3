package dev.clavis.revocation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Keys generated per test run, and tokens signed with them the way Clavis signs. */
final class TestTokens {

    static final String ISSUER = "https://auth.example.com";
    static final String AUDIENCE = "https://pos.example.com/api";
    static final RSAKey RSA = generateRsa("rsa-1");
    static final ECKey EC = generateEc("ec-1");
    /** Another key with the same kid as {@link #RSA}: what a forger would sign with. */
    static final RSAKey FORGER = generateRsa("rsa-1");

    private TestTokens() {}

    static JWKSet published() {
        return new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK()));
    }

    static JWTClaimsSet.Builder claims(String clientId, String jti, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(clientId)
                .audience(AUDIENCE)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plusSeconds(3600)))
                .jwtID(jti)
                .claim("client_id", clientId)
                .claim("scope", "pos.sales.read");
    }

    static String rs256(JWTClaimsSet claims) {
        return sign(rsaSigner(RSA), JWSAlgorithm.RS256, RSA.getKeyID(), "at+jwt", claims);
    }

    static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSSigner signer, JWSAlgorithm algorithm, String kid, String type, JWTClaimsSet claims) {
        return sign(signer, new JWSHeader.Builder(algorithm).keyID(kid).type(new JOSEObjectType(type)), claims);
    }

    static String sign(JWSSigner signer, JWSHeader.Builder header, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String es256(JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(EC), JWSAlgorithm.ES256, EC.getKeyID(), "JWT", claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static JWTClaimsSet with(JWTClaimsSet.Builder builder, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(builder).build();
    }

    private static RSAKey generateRsa(String kid) {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(kid)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateEc(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate(); // no alg: implied by the key type
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
