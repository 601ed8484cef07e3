package dev.clavis.revocation.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.clavis.revocation.control.TokenCheck.Reason;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies that a string is an access token Clavis issued and that has not expired: a compact JWS (RFC 7515) with an
 * algorithm Clavis signs with (pinned: RS256 or ES256, never what the token proposes beyond them), the type of an
 * access token ({@code at+jwt}, or {@code JWT} for MicroProfile APIs), the {@code kid} of a key in the published JWK
 * set, a signature that key made, this issuer, and {@code exp}, {@code iat}, {@code jti}, {@code client_id}, {@code
 * sub}, {@code aud} present (RFC 9068 §2.2, §4). Built once per JWK set; immutable, safe for concurrent use.
 */
public final class AccessTokenVerifier {

    /** Far longer than any token Clavis issues (a hundred long role names twice), so parsing stays bounded. */
    public static final int MAX_TOKEN_CHARS = 32 * 1024;

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    private static final Set<String> TYPES = Set.of("at+jwt", "application/at+jwt", "jwt");
    /** Clock skew tolerated for {@code nbf}; {@code exp} gets none: a token that expired must not be active. */
    private static final long NOT_BEFORE_SKEW_SECONDS = 60;

    private record Key(JWSAlgorithm algorithm, JWSVerifier verifier) {}

    private final String issuer;
    private final Map<String, Key> keysById;

    /** @param published the JWK set Clavis publishes now: keys that may have signed a token still valid */
    public AccessTokenVerifier(String issuer, JWKSet published) {
        this.issuer = issuer;
        DefaultJWSVerifierFactory factory = new DefaultJWSVerifierFactory();
        Map<String, Key> keys = new HashMap<>();
        for (JWK jwk : published.getKeys()) {
            algorithmOf(jwk).ifPresent(algorithm -> {
                try {
                    JWSVerifier verifier =
                            factory.createJWSVerifier(new JWSHeader(algorithm), ((AsymmetricJWK) jwk).toPublicKey());
                    keys.put(jwk.getKeyID(), new Key(algorithm, verifier));
                } catch (JOSEException e) {
                    // a key this verifier cannot use verifies nothing
                }
            });
        }
        this.keysById = Map.copyOf(keys);
    }

    public TokenCheck verify(String token, Instant now) {
        if (token.length() > MAX_TOKEN_CHARS || !isCompactJws(token)) {
            return TokenCheck.invalid(Reason.MALFORMED);
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return TokenCheck.invalid(Reason.MALFORMED); // not a JWS, or its parts are not JSON objects
        }
        JWSHeader header = jwt.getHeader();
        JOSEObjectType type = header.getType();
        // Clavis never marks a header parameter critical (RFC 7515 §4.1.11); an empty list is forbidden outright
        if (declaresCritical(header)
                || header.getAlgorithm() == null
                || !ALGORITHMS.contains(header.getAlgorithm())
                || type == null
                || !TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            return TokenCheck.invalid(Reason.MALFORMED);
        }
        Key key = header.getKeyID() == null ? null : keysById.get(header.getKeyID());
        if (key == null || !key.algorithm().equals(header.getAlgorithm()) || !verified(jwt, key.verifier())) {
            return TokenCheck.invalid(Reason.BAD_SIGNATURE);
        }
        return checkClaims(claims, now);
    }

    private TokenCheck checkClaims(JWTClaimsSet claims, Instant now) {
        Optional<AccessToken> token = read(claims);
        if (token.isEmpty()) {
            return TokenCheck.invalid(Reason.MALFORMED);
        }
        AccessToken access = token.get();
        if (!issuer.equals(access.issuer())) {
            return TokenCheck.invalid(Reason.WRONG_ISSUER);
        }
        if (!now.isBefore(access.expiresAt())) {
            return TokenCheck.invalid(Reason.EXPIRED);
        }
        if (access.notBefore().isPresent()
                && now.plusSeconds(NOT_BEFORE_SKEW_SECONDS)
                        .isBefore(access.notBefore().get())) {
            return TokenCheck.invalid(Reason.NOT_YET_VALID);
        }
        return new TokenCheck.Valid(access);
    }

    /**
     * Three non-empty parts of base64url without padding (RFC 7515 §2, §7.1), as Clavis serializes them: Nimbus would
     * also decode the standard alphabet and padding, so the same token would have several spellings.
     */
    static boolean isCompactJws(String token) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }

    /** Read from the header as sent: Nimbus drops an empty {@code crit} list when it parses a header. */
    private static boolean declaresCritical(JWSHeader header) {
        if (header.getCriticalParams() != null) {
            return true;
        }
        try {
            return JSONObjectUtils.parse(header.getParsedBase64URL().decodeToString())
                    .containsKey("crit");
        } catch (ParseException e) {
            return true;
        }
    }

    private static boolean verified(SignedJWT jwt, JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            return false; // a signature of the wrong length or shape
        }
    }

    /** @return the claims as an access token, when every required one is there with the right type */
    static Optional<AccessToken> read(JWTClaimsSet claims) {
        try {
            String jti = claims.getJWTID();
            String clientId = claims.getStringClaim("client_id");
            String subject = claims.getSubject();
            List<String> audience = claims.getAudience();
            Date issuedAt = claims.getIssueTime();
            Date expiresAt = claims.getExpirationTime();
            if (jti == null
                    || clientId == null
                    || subject == null
                    || audience.isEmpty()
                    || claims.getIssuer() == null
                    || issuedAt == null
                    || expiresAt == null) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(
                    jti,
                    clientId,
                    subject,
                    List.copyOf(audience),
                    claims.getIssuer(),
                    issuedAt.toInstant(),
                    expiresAt.toInstant(),
                    Optional.ofNullable(claims.getNotBeforeTime()).map(Date::toInstant),
                    Optional.ofNullable(claims.getStringClaim("scope"))));
        } catch (ParseException | RuntimeException e) {
            return Optional.empty(); // a claim of the wrong type
        }
    }

    /** The key's algorithm: as the JWK states it, else what its type implies for the algorithms Clavis signs with. */
    private static Optional<JWSAlgorithm> algorithmOf(JWK jwk) {
        if (!(jwk instanceof AsymmetricJWK) || jwk.getKeyID() == null) {
            return Optional.empty();
        }
        JWSAlgorithm algorithm = jwk.getAlgorithm() == null
                ? switch (jwk.getKeyType().getValue()) {
                    case "RSA" -> JWSAlgorithm.RS256;
                    case "EC" -> JWSAlgorithm.ES256;
                    default -> null;
                }
                : JWSAlgorithm.parse(jwk.getAlgorithm().getName());
        return algorithm != null && ALGORITHMS.contains(algorithm) ? Optional.of(algorithm) : Optional.empty();
    }
}
