package dev.clavis.admin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Guards the admin pages: every page but the sign-in page requires a signed-in administrator, and every page goes
 * out with headers that keep it from being framed, sniffed, cached or fed inline script. The sign-in page is answered
 * by {@link SignInForm}, without a session. The admin REST API under
 * {@code /admin/api} is left to its bearer tokens.
 */
@WebFilter(urlPatterns = {"/admin/*", "/jakarta.faces.resource/*"})
public class AdminPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SignInForm signInForm;

    static final String SIGN_IN = "/admin/sign-in.xhtml";
    static final String HOME = "/admin/applications.xhtml";

    /** Faces renders no inline script for these pages; styles and scripts come from this server only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The path as the container mapped it: decoded and normalised. The raw request URI must not be used, since
        // "/admin/api/../applications.xhtml" would pass for the API and reach a page without a session.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/admin/api/") || path.equals("/admin/api")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        if (request.getHeader("Faces-Request") != null) {
            // The pages use no Ajax; a partial request would only get Faces' XML error answers, with class names.
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (path.equals("/admin") || path.equals("/admin/")) {
            response.sendRedirect(request.getContextPath() + HOME);
            return;
        }
        if (path.equals(SIGN_IN)) {
            signInForm.handle(request, response, chain);
            return;
        }
        if (signedIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        // 303: after a POST too, the browser follows with a GET
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + SIGN_IN);
    }

    private static boolean signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(AdminSession.USERNAME) != null;
    }
}
