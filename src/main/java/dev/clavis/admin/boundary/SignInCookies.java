package dev.clavis.admin.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Writes and reads the cookies of the admin pages as raw headers, since not every container writes the
 * {@code SameSite} attribute of a {@link Cookie} (Payara 6 does not). Every cookie is HttpOnly and SameSite=Strict,
 * and Secure when the request came over HTTPS or the public issuer is https (TLS ending at a proxy).
 */
final class SignInCookies {

    /** The double-submit token of the sign-in form (login CSRF). */
    static final String FORM_TOKEN = "clavis_signin";
    /** Proof that this browser signed in as an administrator before (see DeviceCookies). */
    static final String DEVICE = "clavis_device";

    static final String PATH = "/admin";

    private SignInCookies() {}

    static void set(HttpServletResponse response, String name, String value, Duration maxAge, boolean secure) {
        response.addHeader(
                "Set-Cookie",
                name + "=" + value + "; Max-Age=" + maxAge.toSeconds() + "; Path=" + PATH
                        + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }

    static void delete(HttpServletResponse response, String name, boolean secure) {
        set(response, name, "", Duration.ZERO, secure);
    }

    /** @return the first value of the cookie, if the request carries it */
    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                return Optional.ofNullable(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
