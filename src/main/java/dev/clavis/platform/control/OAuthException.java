package dev.clavis.platform.control;

/**
 * The one error type of the OAuth endpoints: an RFC 6749 §5.2 error code, a description that is safe to show to
 * anyone (it never contains a secret and never tells whether a client ID exists), and the HTTP status.
 * It carries no stack trace: it is an expected outcome, thrown on the hot path.
 */
public final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuthError error;
    private final int status;
    private final long retryAfterSeconds;

    public OAuthException(OAuthError error, String description) {
        this(error, description, error.status());
    }

    /** For the few cases where HTTP says more than RFC 6749: 405, 413. */
    public OAuthException(OAuthError error, String description, int status) {
        this(error, description, status, 0);
    }

    private OAuthException(OAuthError error, String description, int status, long retryAfterSeconds) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Asks the client to come back later (RFC 9110 §10.2.3 Retry-After), with 429 or 503. */
    public static OAuthException retryLater(int status, String description, long retryAfterSeconds) {
        return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, description, status, retryAfterSeconds);
    }

    /**
     * 503 with {@code Retry-After}: the database cannot be reached ({@link DatabaseUnavailable}); nothing is wrong
     * with the request, and it can be sent again shortly.
     */
    public static OAuthException databaseUnavailable(String description) {
        return retryLater(503, description, DatabaseUnavailable.RETRY_AFTER_SECONDS);
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }

    public static OAuthException invalidTarget(String description) {
        return new OAuthException(OAuthError.INVALID_TARGET, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT, description);
    }

    /**
     * {@code invalid_client} (RFC 6749 §5.2) in the one wording every failure uses, whatever the reason: an unknown
     * client, a wrong, expired or revoked secret, a disabled application.
     */
    public static OAuthException clientAuthenticationFailed() {
        return new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed");
    }

    public OAuthError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public int status() {
        return status;
    }

    /** @return seconds for the Retry-After header, or 0 for none */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
