package dev.clavis.token.control;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.clavis.api.entity.TokenFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SortedSet;

/**
 * Builds the claims of a JWT access token as RFC 9068 §2.2 lists them, for the client credentials grant where the
 * subject is the client itself (§2.2: {@code sub} is the client ID when no resource owner is involved).
 * The granted roles go into {@code groups} (what MicroProfile JWT maps to {@code @RolesAllowed}) and
 * {@code roles} (RFC 9068 §2.2.3.1).
 */
public final class AccessTokenClaims {

    private AccessTokenClaims() {}

    /**
     * @param issuer the issuer identifier, exactly as discovery publishes it
     * @param audience the resource the token is meant for
     * @param clientId the authenticated client
     * @param scope the granted scope
     * @param issuedAt when the token is issued
     * @param lifetime how long it is valid
     * @param tokenId a unique identifier ({@code jti})
     * @param format the API's token format: MicroProfile JWT adds {@code upn}, the caller's name there
     */
    public static JWTClaimsSet build(
            String issuer,
            String audience,
            String clientId,
            SortedSet<String> scope,
            Instant issuedAt,
            Duration lifetime,
            String tokenId,
            TokenFormat format) {
        List<String> roles = new ArrayList<>(scope);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(clientId)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(tokenId)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scope))
                .claim("groups", roles)
                .claim("roles", roles);
        if (format == TokenFormat.MICROPROFILE) {
            claims.claim("upn", clientId); // MP-JWT 2.1 §5.1: the caller principal's name
        }
        return claims.build();
    }
}
