package dev.clavis.platform.control;

/**
 * The error codes of RFC 6749 §5.2 that the client credentials grant can produce (and RFC 7009's one more), with the HTTP status each is
 * sent with: 400 for all but {@code invalid_client}, which is 401 (§5.2), and {@code server_error} (500).
 */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    /** RFC 7009 §2.2.1: the revocation endpoint cannot revoke this type of token (Clavis issues no refresh tokens). */
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400),
    /** RFC 8707 §2: the requested resource (API) is unknown, not allowed for this client, or ambiguous. */
    INVALID_TARGET("invalid_target", 400),
    /** Not in RFC 6749 §5.2 (it is §4.1.2.1's): sent with 429 or 503 and Retry-After when Clavis must slow a caller. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 503),
    SERVER_ERROR("server_error", 500);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
