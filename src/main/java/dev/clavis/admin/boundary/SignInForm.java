package dev.clavis.admin.boundary;

import dev.clavis.admin.control.AdminSignIn;
import dev.clavis.admin.control.AdminUsernames;
import dev.clavis.admin.control.DeviceCookies;
import dev.clavis.platform.boundary.ClientAddress;
import dev.clavis.platform.boundary.StatusLine;
import dev.clavis.platform.control.SecretGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sign-in form over HTTP, before any session exists. The page itself is a stateless Faces view
 * ({@code sign-in.xhtml}); its POST is answered here, never by Faces, so that no anonymous request creates an HTTP
 * session or view state: a session starts only when a sign-in succeeds, with a new ID.
 *
 * <p>Login CSRF (a forged post signing the victim in as someone else) is refused with a double-submit token: the page
 * puts a random value in a short-lived SameSite=Strict cookie and the same value in a hidden field, and a post is
 * answered only when both are present and equal (compared in constant time). Another site can make a browser post
 * the form, but it cannot read or set that cookie, nor learn the value. The hidden field keeps the name Faces gives
 * its view state, which is what it stands in for, so that clients scripted against the Faces form keep working.
 */
@ApplicationScoped
public class SignInForm {

    static final String TOKEN_FIELD = "jakarta.faces.ViewState";
    static final String USERNAME_FIELD = "signin:username";
    static final String PASSWORD_FIELD = "signin:password";

    /** Request attributes the page reads (through {@link SignInPage}). */
    static final String TOKEN = "dev.clavis.admin.signin.token";

    static final String MESSAGE = "dev.clavis.admin.signin.message";
    static final String TYPED_USERNAME = "dev.clavis.admin.signin.username";

    static final String FAILED = "Sign-in failed: the username or password is not correct.";
    static final String STALE_FORM =
            "The sign-in form had expired or was not sent from this site." + " Nothing was checked. Sign in again.";
    static final String BUSY = "Clavis is busy right now. Nothing was checked. Try again in a few seconds.";
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Inject
    AdminSignIn signIn;

    @Inject
    DeviceCookies deviceCookies;

    @Inject
    ClientAddress clientAddress;

    @Inject
    @ConfigProperty(name = "clavis.issuer", defaultValue = "http://localhost:8080")
    String issuer;

    void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())) {
            post(request, response, chain);
        } else {
            render(request, response, chain, HttpServletResponse.SC_OK, null, null);
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Optional<String> cookieToken = formToken(request);
        String fieldToken = request.getParameter(TOKEN_FIELD);
        if (cookieToken.isEmpty() || fieldToken == null || !sameToken(cookieToken.get(), fieldToken)) {
            render(request, response, chain, HttpServletResponse.SC_FORBIDDEN, STALE_FORM, null);
            return;
        }
        String typed = request.getParameter(USERNAME_FIELD);
        Optional<String> username = AdminUsernames.checked(typed);
        String address = clientAddress.of(request);
        Instant now = Instant.now();
        AdminSignIn.Source source = username.flatMap(name -> SignInCookies.read(request, SignInCookies.DEVICE)
                        .flatMap(cookie -> deviceCookies.provenSource(cookie, name, now)))
                .map(device -> AdminSignIn.Source.device(device, address))
                .orElseGet(() -> AdminSignIn.Source.address(address));
        AdminSignIn.Result result = signIn.signIn(typed, request.getParameter(PASSWORD_FIELD), source);
        String shownName = username.orElse(null);
        if (result instanceof AdminSignIn.SignedIn signedIn) {
            signedIn(request, response, signedIn.username(), now);
        } else if (result instanceof AdminSignIn.Throttled throttled) {
            long seconds = retryAfter(response, throttled.retryAfter());
            String message = "Too many failed sign-ins. Wait " + seconds + " seconds and try again.";
            render(request, response, chain, 429, message, shownName);
        } else if (result instanceof AdminSignIn.Busy busy) {
            retryAfter(response, busy.retryAfter());
            render(request, response, chain, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY, shownName);
        } else {
            render(request, response, chain, HttpServletResponse.SC_OK, FAILED, shownName);
        }
    }

    private static long retryAfter(HttpServletResponse response, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        response.setHeader("Retry-After", Long.toString(seconds));
        return seconds;
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, String username, Instant now) {
        // A new session ID at sign-in: an ID planted before it is worth nothing after it.
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(AdminSession.USERNAME, username);
        boolean secure = secure(request);
        strictSessionCookie(request, response, session, secure);
        SignInCookies.set(
                response, SignInCookies.DEVICE, deviceCookies.issue(username, now), DeviceCookies.LIFETIME, secure);
        SignInCookies.delete(response, SignInCookies.FORM_TOKEN, secure);
        // 303: the browser follows with a GET, and a reload does not post the password again
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + AdminPageFilter.HOME);
    }

    /**
     * Shows the page, as for a GET whatever the request was: with the form token of this browser (a new one if it
     * has none) and, after a post, a message and the username typed (only when it can be a username).
     */
    private void render(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            int status,
            String message,
            String username)
            throws IOException, ServletException {
        String token = formToken(request).orElseGet(SecretGenerator::newSecret);
        SignInCookies.set(response, SignInCookies.FORM_TOKEN, token, TOKEN_LIFETIME, secure(request));
        request.setAttribute(TOKEN, token);
        if (message != null) {
            request.setAttribute(MESSAGE, message);
        }
        if (username != null) {
            request.setAttribute(TYPED_USERNAME, username);
        }
        StatusLine.set(response, status);
        chain.doFilter(new PlainGet(request), response);
    }

    private static Optional<String> formToken(HttpServletRequest request) {
        return SignInCookies.read(request, SignInCookies.FORM_TOKEN)
                .filter(token -> TOKEN_SHAPE.matcher(token).matches());
    }

    private static boolean sameToken(String cookie, String field) {
        return MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8));
    }

    private boolean secure(HttpServletRequest request) {
        return request.isSecure() || issuer.startsWith("https://");
    }

    /**
     * Sends the signed-in session's cookie again with SameSite=Strict, so that no other site can make the browser use
     * it. {@link SessionCookiePolicy} asks the container for this, but not every container writes the attribute
     * (Payara 6 does not); a second Set-Cookie for the same cookie replaces the first in the browser.
     */
    private static void strictSessionCookie(
            HttpServletRequest request, HttpServletResponse response, HttpSession session, boolean secure) {
        var config = request.getServletContext().getSessionCookieConfig();
        String name = config.getName() == null ? "JSESSIONID" : config.getName();
        String path = config.getPath() != null
                ? config.getPath()
                : request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader(
                "Set-Cookie",
                name + "=" + session.getId() + "; Path=" + path + "; HttpOnly; SameSite=Strict"
                        + (secure ? "; Secure" : ""));
    }

    /**
     * The request as Faces should see it: a GET without parameters, so that it renders the page afresh and never
     * takes a post for a postback (the form's fields are not Faces components, and there is no view state to restore).
     */
    private static final class PlainGet extends HttpServletRequestWrapper {

        PlainGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public String getQueryString() {
            return null;
        }
    }
}
