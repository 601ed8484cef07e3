package dev.clavis.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens an attacker would try on the admin API and the sample API: unsigned ({@code alg: none}), HMAC-signed
 * with the server's public key as the secret (algorithm confusion), signed by another key under the server's
 * {@code kid}, and genuinely signed ones that are wrong in one respect (expired, another issuer or audience, an
 * unknown critical header, another algorithm). Each claims the {@code clavis-admin} role; those marked
 * {@link Forged#mustBeRefused()} must never get past authentication.
 */
final class ForgedTokens {

    /** A forged token, named for the report. */
    record Forged(String name, String token, boolean mustBeRefused) {}

    private final RSAKey serverPublic;
    private final RSAKey serverPrivate;
    private final String issuer;
    private final String audience;
    private final String genuineAdminToken;

    ForgedTokens(String jwks, RSAKey serverPrivate, String issuer, String genuineAdminToken) {
        try {
            this.serverPublic = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        } catch (ParseException e) {
            throw new IllegalStateException("The server's JWKS does not parse: " + jwks, e);
        }
        this.serverPrivate = serverPrivate;
        this.issuer = issuer;
        this.audience = issuer + "/api";
        this.genuineAdminToken = genuineAdminToken;
    }

    List<Forged> all() {
        try {
            return build();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("Could not forge the tokens", e);
        }
    }

    private List<Forged> build() throws JOSEException, ParseException {
        String kid = serverPublic.getKeyID();
        List<Forged> tokens = new ArrayList<>();
        String claims = claims(b -> b).toString();

        // Unsigned
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            tokens.add(refused(
                    "alg " + alg,
                    unsigned("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}", claims)));
        }
        tokens.add(refused("alg none without kid", unsigned("{\"alg\":\"none\"}", claims)));
        String[] genuine = genuineAdminToken.split("\\.");
        tokens.add(refused(
                "alg none with the genuine signature",
                b64("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + genuine[1] + "." + genuine[2]));

        // Algorithm confusion: HS256 keyed with the public key in every form an implementation might use
        byte[] der = serverPublic.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
        List<byte[]> hmacKeys = List.of(
                der,
                pem.getBytes(StandardCharsets.US_ASCII),
                serverPublic.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                serverPublic.getModulus().decode(),
                ("{\"keys\":[" + serverPublic.toPublicJWK().toJSONString() + "]}").getBytes(StandardCharsets.UTF_8));
        List<String> forms = List.of("DER", "PEM", "JWK JSON", "modulus", "JWKS JSON");
        for (int i = 0; i < hmacKeys.size(); i++) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
                tokens.add(refused(
                        alg + " keyed with the public key as " + forms.get(i),
                        sign(new MACSigner(hmacKeys.get(i)), header(alg, kid), claims(b -> b))));
            }
        }

        // Another key under the server's kid, or announcing itself
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(kid).generate();
        tokens.add(refused(
                "RS256 by another key with the server's kid",
                sign(new RSASSASigner(attacker), header(JWSAlgorithm.RS256, kid), claims(b -> b))));
        tokens.add(refused(
                "RS256 by another key embedded as jwk",
                sign(
                        new RSASSASigner(attacker),
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(new JOSEObjectType("at+jwt"))
                                .jwk(attacker.toPublicJWK())
                                .build(),
                        claims(b -> b))));
        tokens.add(refused(
                "RS256 by another key with jku and x5u",
                sign(
                        new RSASSASigner(attacker),
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(kid)
                                .jwkURL(URI.create("http://127.0.0.1:1/jwks"))
                                .x509CertURL(URI.create("http://127.0.0.1:1/cert"))
                                .build(),
                        claims(b -> b))));
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        tokens.add(refused(
                "ES256 by another key with the server's kid",
                sign(new ECDSASigner(ec), header(JWSAlgorithm.ES256, kid), claims(b -> b))));

        // The server's own key, and one thing wrong
        RSASSASigner real = new RSASSASigner(serverPrivate);
        Instant now = Instant.now();
        tokens.add(refused("expired", sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.issueTime(
                        Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600)))))));
        tokens.add(refused(
                "not yet valid (nbf in an hour)",
                sign(
                        real,
                        header(JWSAlgorithm.RS256, kid),
                        claims(b -> b.notBeforeTime(Date.from(now.plusSeconds(3600)))))));
        tokens.add(refused(
                "another issuer",
                sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.issuer("https://evil.example")))));
        tokens.add(refused(
                "another audience",
                sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.audience("https://evil.example/api")))));
        tokens.add(refused("no exp", sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.expirationTime(null)))));
        tokens.add(refused(
                "unknown critical header",
                sign(
                        real,
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .keyID(kid)
                                .type(new JOSEObjectType("at+jwt"))
                                .criticalParams(Set.of("x-clavis-must-understand"))
                                .customParam("x-clavis-must-understand", true)
                                .build(),
                        claims(b -> b))));
        tokens.add(refused("RS512 with the server's key", sign(real, header(JWSAlgorithm.RS512, kid), claims(b -> b))));
        tokens.add(refused("PS256 with the server's key", sign(real, header(JWSAlgorithm.PS256, kid), claims(b -> b))));
        for (String wrongKid : List.of("not-the-kid", "../../../../dev/null", "' OR '1'='1", "x".repeat(2000), "")) {
            tokens.add(new Forged(
                    "kid " + shorten(wrongKid),
                    sign(real, header(JWSAlgorithm.RS256, wrongKid), claims(b -> b)),
                    false));
        }
        tokens.add(refused("crit header in a hand-made token", withHeader(real, kid, ",\"crit\":[\"exp\"]")));
        tokens.add(refused("empty crit list", withHeader(real, kid, ",\"crit\":[]")));
        tokens.add(refused(
                "exp as a string",
                withClaims(real, kid, claims.replaceFirst("\"exp\":\\d+", "\"exp\":\"9999999999\""))));

        // Genuinely signed, odd but not wrong: the server must answer in shape, whatever it decides
        StringBuilder nested = new StringBuilder();
        nested.append("{\"a\":".repeat(300)).append("1").append("}".repeat(300));
        tokens.add(new Forged(
                "nested JSON claim",
                withClaims(real, kid, claims.substring(0, claims.length() - 1) + ",\"deep\":" + nested + "}"),
                false));
        tokens.add(new Forged(
                "5 KB of claims",
                sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.claim("pad", "p".repeat(5_000)))),
                false));
        tokens.add(new Forged(
                "groups as a string",
                sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.claim("groups", "clavis-admin"))),
                false));
        tokens.add(new Forged(
                "400 groups",
                sign(
                        real,
                        header(JWSAlgorithm.RS256, kid),
                        claims(b -> b.claim("groups", java.util.Collections.nCopies(400, "clavis-admin")))),
                false));
        tokens.add(new Forged(
                "control characters and a lone surrogate in claims",
                sign(real, header(JWSAlgorithm.RS256, kid), claims(b -> b.subject("\u0000\r\n\ud800")
                        .claim("client_id", "\u202e\u0007"))),
                false));

        // Tampered and malformed
        tokens.add(refused(
                "genuine header and signature, payload of another client",
                genuine[0] + "." + b64(claims(b -> b.subject("someone-else")).toString()) + "." + genuine[2]));
        tokens.add(refused("signature flipped", genuine[0] + "." + genuine[1] + "." + flip(genuine[2])));
        tokens.add(refused("signature cut", genuine[0] + "." + genuine[1] + "." + genuine[2].substring(0, 40)));
        tokens.add(refused("no signature", genuine[0] + "." + genuine[1] + "."));
        tokens.add(refused("two segments", genuine[0] + "." + genuine[1]));
        tokens.add(refused("four segments", genuineAdminToken + ".AAAA"));
        tokens.add(refused("five segments", genuineAdminToken + ".AAAA.BBBB"));
        tokens.add(refused(
                "standard base64 with padding",
                genuineAdminToken.replace('-', '+').replace('_', '/') + "=="));
        tokens.add(refused("header not JSON", b64("not json") + "." + genuine[1] + "." + genuine[2]));
        tokens.add(refused("header a JSON array", b64("[1,2,3]") + "." + genuine[1] + "." + genuine[2]));
        tokens.add(refused("payload not JSON", genuine[0] + "." + b64("\u0000\u0001") + "." + genuine[2]));
        tokens.add(refused("garbage", "%%%%.****.^^^^"));
        tokens.add(refused("dots only", ".."));
        tokens.add(refused("a UUID", UUID.randomUUID().toString()));
        return tokens;
    }

    private static Forged refused(String name, String token) {
        return new Forged(name, token, true);
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("clavis-admin")
                .audience(audience)
                .claim("client_id", "clavis-admin")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(1800)))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", "clavis-admin")
                .claim("groups", List.of("clavis-admin"))
                .claim("roles", List.of("clavis-admin"));
        return change.apply(builder).build();
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg)
                .keyID(kid)
                .type(new JOSEObjectType("at+jwt"))
                .build();
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** A token signed by the real key with a header written by hand (Nimbus refuses to write some of these). */
    private String withHeader(RSASSASigner real, String kid, String extra) throws JOSEException {
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"" + extra + "}";
        return signRaw(real, header, claims(b -> b).toString());
    }

    private static String withClaims(RSASSASigner real, String kid, String claims) throws JOSEException {
        return signRaw(real, "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}", claims);
    }

    private static String signRaw(RSASSASigner real, String header, String claims) throws JOSEException {
        String signingInput = b64(header) + "." + b64(claims);
        Base64URL signature =
                real.sign(new JWSHeader(JWSAlgorithm.RS256), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + signature;
    }

    private static String unsigned(String header, String claims) {
        return b64(header) + "." + b64(claims) + ".";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String flip(String signature) {
        char last = signature.charAt(10);
        return signature.substring(0, 10) + (last == 'A' ? 'B' : 'A') + signature.substring(11);
    }

    private static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 8) + "… (" + value.length() + " chars)" : "'" + value + "'";
    }
}
