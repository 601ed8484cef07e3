package dev.clavis.token.control;

/**
 * A client ID and secret as presented at the token endpoint, and how they were presented (RFC 6749 §2.3.1).
 * {@link #toString()} never shows the secret, so the record can be logged safely.
 */
public record ClientCredentials(String clientId, String secret, Method method) {

    public enum Method {
        CLIENT_SECRET_BASIC,
        CLIENT_SECRET_POST
    }

    @Override
    public String toString() {
        return "ClientCredentials[clientId=" + clientId + ", method=" + method + ", secret=***]";
    }
}
