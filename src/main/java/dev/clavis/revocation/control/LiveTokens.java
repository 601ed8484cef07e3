package dev.clavis.revocation.control;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.clavis.application.control.ClientSnapshotCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Optional;

/**
 * The check a resource server inside Clavis (the admin API, the sample API) runs on a bearer token that its own JWT
 * validation accepts: the same state introspection reads ({@link TokenLiveness}), so a revoked token is refused on
 * the next request. It reads the token's claims without verifying the signature: it only ever refuses, and the
 * API's own validation checks the signature.
 */
@ApplicationScoped
public class LiveTokens {

    @Inject
    ClientSnapshotCache clients;

    @Inject
    RevokedTokens revoked;

    /**
     * @param token the bearer token as sent
     * @return false when the token is a Clavis access token that no longer counts; true otherwise, also for what is
     *     no JWT at all (the API's validation refuses that)
     */
    public boolean isLive(String token) {
        if (token.length() > AccessTokenVerifier.MAX_TOKEN_CHARS) {
            return true;
        }
        Optional<AccessToken> claims;
        try {
            JWTClaimsSet set = SignedJWT.parse(token).getJWTClaimsSet();
            claims = AccessTokenVerifier.read(set);
        } catch (ParseException | RuntimeException e) {
            return true;
        }
        return claims.map(access -> TokenLiveness.check(
                                access.clientId(), access.jti(), access.issuedAt(), clients::find, revoked::isRevoked)
                        .isEmpty())
                .orElse(true);
    }
}
