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
 * Renders every error the container produces itself (an unknown path, a wrong method, a rejected bearer token, an
 * uncaught exception) as JSON, so no caller ever sees an HTML error page or a stack trace. Registered in
 * {@code web.xml}. For 401 on the protected API it sends the RFC 6750 §3 challenge.
 *
 * <p>Under {@code /oauth2/} the answer follows RFC 6749 §5.2 instead, because a client there speaks OAuth: the
 * container reaches this page when, for example, the MicroProfile JWT mechanism (which watches every request) turns
 * down a bearer token sent to the token endpoint, where only client credentials belong.
 */
@WebServlet(name = "error-page", urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 404;
        if (status < 400) {
            status = 500;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        boolean oauthEndpoint = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .startsWith(request.getContextPath() + "/oauth2/");
        if (oauthEndpoint) {
            body.put("error", status == 401 ? OAuthError.INVALID_CLIENT.code() : OAuthError.INVALID_REQUEST.code());
            body.put("error_description", status == 401 ? "Client authentication failed" : description(status));
            response.setHeader("Pragma", "no-cache");
            if (status == 401) {
                response.setHeader("WWW-Authenticate", ErrorResponse.BASIC_CHALLENGE);
            }
        } else {
            body.put("error", errorCode(status, request));
            body.put("error_description", description(status));
        }
        if (status == 401 && !oauthEndpoint) {
            boolean tokenSent = request.getHeader("Authorization") != null;
            response.setHeader(
                    "WWW-Authenticate", "Bearer realm=\"clavis\"" + (tokenSent ? ", error=\"invalid_token\"" : ""));
        }
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String errorCode(int status, HttpServletRequest request) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> request.getHeader("Authorization") != null ? "invalid_token" : "unauthorized";
            case 403 -> "insufficient_scope";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "server_error" : "invalid_request";
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
