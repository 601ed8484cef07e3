package dev.clavis.platform.boundary;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.clavis.token.control.ErrorResponse;
import dev.clavis.token.control.OAuthError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
 * <li>elsewhere (the protected API): {@code error} and {@code error_description}, with the RFC 6750 §3 challenge on
 * 401.</li>
 * </ul>
 */
@WebServlet(name = "error-page", urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : code == null ? 404 : 500;
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        boolean tokenSent = request.getHeader("Authorization") != null;
        response.setHeader("Cache-Control", "no-store");
        String context = request.getContextPath();
        if (path.startsWith(context + "/admin/") && !path.startsWith(context + "/admin/api/")) {
            AdminErrorPage.write(request, response, status);
            return;
        }

        Map<String, Object> body = new LinkedHashMap<>();
        String contentType = "application/json;charset=UTF-8";
        if (path.startsWith(request.getContextPath() + "/oauth2/")) {
            body.put("error", status == 401 ? OAuthError.INVALID_CLIENT.code() : OAuthError.INVALID_REQUEST.code());
            body.put("error_description", status == 401 ? "Client authentication failed" : description(status));
            response.setHeader("Pragma", "no-cache");
            if (status == 401) {
                response.setHeader("WWW-Authenticate", ErrorResponse.BASIC_CHALLENGE);
            }
        } else {
            if (status == 401) {
                response.setHeader("WWW-Authenticate", bearerChallenge(tokenSent));
            }
            if (path.startsWith(request.getContextPath() + "/admin/api/")) {
                contentType = Problem.MEDIA_TYPE;
                body.put("type", "about:blank");
                body.put("title", title(status));
                body.put("status", status);
                body.put("detail", description(status));
            } else {
                body.put("error", errorCode(status, tokenSent));
                body.put("error_description", description(status));
            }
        }
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** RFC 6750 §3: the scheme to use, and that the token was refused when one was sent. */
    static String bearerChallenge(boolean tokenSent) {
        return "Bearer realm=\"clavis\"" + (tokenSent ? ", error=\"invalid_token\"" : "");
    }

    private static String errorCode(int status, boolean tokenSent) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> tokenSent ? "invalid_token" : "unauthorized";
            case 403 -> "insufficient_scope";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal error" : "Refused";
        };
    }

    private static String description(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "A valid bearer access token is required";
            case 403 -> "The access token does not carry a role this resource requires";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not accept this method";
            case 413 -> "The request is too large";
            case 415 -> "The request has an unsupported content type";
            default -> status >= 500 ? "The server failed to handle the request" : "The request was refused";
        };
    }
}
