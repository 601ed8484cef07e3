package dev.clavis.wiring;

import dev.clavis.platform.boundary.HttpErrorTexts;
import dev.clavis.platform.boundary.OAuthResponse;
import dev.clavis.platform.boundary.Problem;
import dev.clavis.platform.boundary.ProblemResponse;
import dev.clavis.platform.control.DatabaseUnavailable;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.logging.Logger;

/**
 * Renders every error the container produces itself (an unknown path, a wrong method, a rejected bearer token, a
 * malformed URL, an uncaught exception), so no program ever gets an HTML error page and no one a stack trace.
 * Registered in {@code web.xml}. The shape follows what the caller speaks at that address:
 *
 * <ul>
 * <li>{@code /oauth2/}: RFC 6749 §5.2, since a bearer token sent to the token endpoint is turned down by the
 * MicroProfile JWT mechanism (which watches every request) before the endpoint sees it;</li>
 * <li>{@code /admin/api/}: RFC 9457 problem details, like the rest of the admin API;</li>
 * <li>the admin pages: a small HTML page for a person ({@link AdminErrorPage});</li>
 * <li>elsewhere (the protected API): RFC 6750 §3 {@code error} and {@code error_description}, with the bearer
 * challenge on 401.</li>
 * </ul>
 *
 * An uncaught exception caused by a database that cannot be reached (an admin page, a filter) is a 503 with
 * {@code Retry-After} in the same shapes, not a 500: nothing is wrong with the request.
 */
@WebServlet(name = "error-page", urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : code == null ? 404 : 500;
        if (status == 501) {
            status = 405; // a method the container does not know: for the caller, a method this address refuses
        }
        String path = relativePath(failedPath(request));
        if (status == 500 && noKeyForToken(request, path)) {
            status = 401;
        }
        if (status == 500
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown
                && DatabaseUnavailable.isCause(thrown)) {
            LOG.warning(() -> "Request refused with 503, the database cannot be reached: "
                    + DatabaseUnavailable.describe(thrown));
            status = 503;
            response.setHeader("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("Cache-Control", "no-store");
        if (path.startsWith("/oauth2/")) {
            OAuthResponse.writeError(response, containerError(status));
        } else if (path.startsWith("/admin/api/")) {
            ProblemResponse.write(response, Problem.of(status), tokenSent);
        } else if (path.startsWith("/admin/")) {
            AdminErrorPage.write(request, response, status);
        } else {
            OAuthResponse.writeBearerError(response, status, tokenSent);
        }
    }

    /**
     * WildFly's MicroProfile JWT (SmallRye) answers 500, with no exception behind it, when no key of the JWKS fits a
     * bearer token: an unsigned token, or one with a key ID Clavis never had. Clavis is that JWKS, so such a token is
     * invalid (401 {@code invalid_token}, as on Payara), not a failure of the server. Every other 500 carries the
     * exception that caused it, or never reaches this page (the admin API maps its own).
     */
    private static boolean noKeyForToken(HttpServletRequest request, String path) {
        String authorization = request.getHeader("Authorization");
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null
                && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && (path.startsWith("/api/") || path.startsWith("/admin/api/"));
    }

    /** An error the container decided on at an OAuth endpoint, in RFC 6749 §5.2 terms. */
    private static OAuthException containerError(int status) {
        if (status == 401) {
            return OAuthException.clientAuthenticationFailed();
        }
        return status == 503
                ? OAuthException.databaseUnavailable(HttpErrorTexts.description(status))
                : new OAuthException(
                        status >= 500 ? OAuthError.SERVER_ERROR : OAuthError.INVALID_REQUEST,
                        HttpErrorTexts.description(status),
                        status);
    }

    /**
     * The failed address below this application's context, whatever form the container reports it in (an absolute
     * URI, with or without the context path, with doubled slashes). A target such as {@code //admin/api/roles} is
     * routed by the container as {@code /admin/api/roles}, so it is never parsed as a URI: {@code java.net.URI} would
     * take {@code admin} for an authority and answer in the wrong shape.
     */
    private String relativePath(String uri) {
        String path = uri.startsWith("/") ? uri : absolutePath(uri);
        path = path.replaceAll("/{2,}", "/");
        String context = getServletContext().getContextPath();
        return !context.isEmpty() && !context.equals("/") && path.startsWith(context)
                ? path.substring(context.length())
                : path;
    }

    private static String absolutePath(String uri) {
        try {
            String path = new URI(uri).getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (URISyntaxException e) {
            return uri; // not a URI: compare it as it is
        }
    }

    /**
     * The address that failed. Errors raised by an authentication module before any servlet ran may come without
     * {@code ERROR_REQUEST_URI}; then the forward's original URI tells it.
     */
    private static String failedPath(HttpServletRequest request) {
        for (String attribute :
                new String[] {RequestDispatcher.ERROR_REQUEST_URI, RequestDispatcher.FORWARD_REQUEST_URI}) {
            if (request.getAttribute(attribute) instanceof String uri) {
                return uri;
            }
        }
        return request.getRequestURI();
    }
}
