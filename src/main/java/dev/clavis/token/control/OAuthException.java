package dev.clavis.token.control;

/**
 * The one error type of the token endpoint: an RFC 6749 §5.2 error code, a description that is safe to show to
 * anyone (it never contains a secret and never tells whether a client ID exists), and the HTTP status.
 * It carries no stack trace: it is an expected outcome, thrown on the hot path.
 */
public final class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuthError error;
    private final int status;

    public OAuthException(OAuthError error, String description) {
        this(error, description, error.status());
    }

    /** For the few cases where HTTP says more than RFC 6749: 405, 413. */
    public OAuthException(OAuthError error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuthError.INVALID_REQUEST, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(OAuthError.INVALID_CLIENT, description);
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
}
