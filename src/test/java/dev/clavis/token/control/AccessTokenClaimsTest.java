package dev.clavis.token.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.clavis.api.entity.TokenFormat;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AccessTokenClaimsTest {

    private static final String ISSUER = "https://auth.example.com";
    private static final String AUDIENCE = "https://api.example.com";
    private static final String CLIENT_ID = "my-app";
    private static final Instant ISSUED_AT = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final String TOKEN_ID = "b3f1c2d4";

    private static SortedSet<String> scope(String... roles) {
        return new TreeSet<>(Set.of(roles));
    }

    private static JWTClaimsSet build(SortedSet<String> scope, Instant issuedAt) {
        return AccessTokenClaims.build(
                ISSUER, AUDIENCE, CLIENT_ID, scope, issuedAt, LIFETIME, TOKEN_ID, TokenFormat.RFC9068);
    }

    private static JWTClaimsSet build() {
        return build(scope("write", "read"), ISSUED_AT);
    }

    @Test
    void buildThenRfc9068RequiredClaimsHaveTheirValues() throws ParseException {
        JWTClaimsSet claims = build();
        assertAll(
                () -> assertEquals(ISSUER, claims.getIssuer()),
                () -> assertEquals(List.of(AUDIENCE), claims.getAudience()),
                () -> assertEquals(Date.from(ISSUED_AT), claims.getIssueTime()),
                () -> assertEquals(Date.from(ISSUED_AT.plus(LIFETIME)), claims.getExpirationTime()),
                () -> assertEquals(TOKEN_ID, claims.getJWTID()),
                () -> assertEquals(CLIENT_ID, claims.getStringClaim("client_id")),
                () -> assertEquals(CLIENT_ID, claims.getSubject()));
    }

    @Test
    void buildThenSubjectIsClientId() throws ParseException {
        // RFC 9068 §2.2: with no resource owner, sub is the client's own identifier.
        JWTClaimsSet claims = build();
        assertEquals(claims.getStringClaim("client_id"), claims.getSubject());
    }

    @Test
    void buildThenExpiryMinusIssueTimeIsLifetime() {
        JWTClaimsSet claims = build();
        assertEquals(
                LIFETIME.toMillis(),
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
    }

    @Test
    void buildWhenIssuedAtHasFractionalSecondsThenSerializedExpiryMinusIssueTimeIsLifetime() throws ParseException {
        Map<String, Object> json = JSONObjectUtils.parse(
                build(scope("read"), ISSUED_AT.plusMillis(999)).toString());
        long iat = ((Number) json.get("iat")).longValue();
        long exp = ((Number) json.get("exp")).longValue();
        assertEquals(LIFETIME.toSeconds(), exp - iat);
    }

    @Test
    void buildThenTimesSerializedAsNumericDateSeconds() throws ParseException {
        Map<String, Object> json = JSONObjectUtils.parse(build().toString());
        assertAll(
                () -> assertEquals(ISSUED_AT.getEpochSecond(), ((Number) json.get("iat")).longValue()),
                () -> assertEquals(ISSUED_AT.plus(LIFETIME).getEpochSecond(), ((Number) json.get("exp")).longValue()));
    }

    @Test
    void buildThenScopeIsSpaceSeparatedSortedRoles() throws ParseException {
        assertEquals("read write", build().getStringClaim("scope"));
    }

    @Test
    void buildThenGroupsAndRolesEqualScopeList() throws ParseException {
        JWTClaimsSet claims = build();
        assertAll(
                () -> assertEquals(List.of("read", "write"), claims.getStringListClaim("groups")),
                () -> assertEquals(List.of("read", "write"), claims.getStringListClaim("roles")));
    }

    @Test
    void buildWhenSingleRoleThenGroupsIsStillAnArray() throws ParseException {
        // MicroProfile JWT reads groups as a JSON array.
        Map<String, Object> json =
                JSONObjectUtils.parse(build(scope("read"), ISSUED_AT).toString());
        assertEquals(List.of("read"), json.get("groups"));
    }

    @Test
    void buildThenNoOtherClaims() {
        assertEquals(
                Set.of("iss", "sub", "aud", "iat", "exp", "jti", "client_id", "scope", "groups", "roles"),
                build().getClaims().keySet());
    }

    @Test
    void buildWhenMicroProfileFormatThenUpnIsTheClientIdAndRfc9068HasNone() {
        SortedSet<String> scope = new TreeSet<>(Set.of("read"));
        Instant now = Instant.parse("2025-03-01T12:00:00Z");
        JWTClaimsSet microProfile = AccessTokenClaims.build(
                ISSUER, AUDIENCE, CLIENT_ID, scope, now, LIFETIME, TOKEN_ID, TokenFormat.MICROPROFILE);
        assertEquals(CLIENT_ID, microProfile.getClaim("upn"));
        assertEquals(null, build().getClaim("upn"));
    }
}
