package dev.clavis.platform.boundary;

/**
 * The {@code WWW-Authenticate} values Clavis sends with a 401 (RFC 9110 §11.6.1): which scheme the caller must use,
 * in one realm.
 */
public final class Challenges {

    public static final String REALM = "clavis";

    /** RFC 6749 §2.3.1 and RFC 7617 §2.1: client authentication with HTTP Basic, credentials in UTF-8. */
    public static final String BASIC = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"";

    private Challenges() {}

    /** RFC 6750 §3: the scheme to use, and that the token was refused when one was sent. */
    public static String bearer(boolean tokenSent) {
        return "Bearer realm=\"" + REALM + "\"" + (tokenSent ? ", error=\"invalid_token\"" : "");
    }
}
