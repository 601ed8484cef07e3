package dev.clavis.revocation.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a verified Clavis access token says (RFC 9068 §2.2): its signature, issuer and lifetime were checked, nothing
 * else yet.
 */
public record AccessToken(
        String jti,
        String clientId,
        String subject,
        List<String> audience,
        String issuer,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        Optional<String> scope) {}
