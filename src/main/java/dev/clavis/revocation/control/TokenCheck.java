package dev.clavis.revocation.control;

/** What a check of a presented token found: a token that still counts, or the reason it does not. */
public sealed interface TokenCheck {

    /** Why a token does not count. Introspection answers the same {@code active: false} for each (RFC 7662 §2.2). */
    enum Reason {
        /** Not a JWS, too long, an algorithm or type Clavis does not sign with, claims missing. */
        MALFORMED,
        /** Signed by no key Clavis publishes (a forged, foreign or revoked key), or the signature does not match. */
        BAD_SIGNATURE,
        WRONG_ISSUER,
        EXPIRED,
        NOT_YET_VALID,
        /** Its {@code jti} was revoked (RFC 7009). */
        REVOKED,
        /** Its application was deleted (or deleted and registered again after the token was issued). */
        APPLICATION_GONE,
        APPLICATION_DISABLED,
        /** Its application may no longer use the client credentials flow. */
        FLOW_WITHDRAWN,
        /** Every token of its application issued until some instant was revoked, and this one is older. */
        ALL_REVOKED,
        /** The caller may not introspect it: neither its client nor the introspecting client of its API. */
        NOT_THE_CALLERS
    }

    record Valid(AccessToken token) implements TokenCheck {}

    record Invalid(Reason reason) implements TokenCheck {}

    static TokenCheck invalid(Reason reason) {
        return new Invalid(reason);
    }
}
