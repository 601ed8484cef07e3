package dev.clavis.wiring;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page a person sees in the admin pages: what happened in plain words and a way back, nothing about the
 * inside. A form sent without a valid view state (an expired session, or a forged cross-site post) is a 400; a
 * database that cannot be reached is a 503 that asks to try again.
 */
final class AdminErrorPage {

    private AdminErrorPage() {}

    static void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        boolean staleForm = causedByViewExpiry(exception);
        int shown = staleForm ? 400 : status;
        String message = staleForm
                ? "This form is no longer valid: your session may have expired, or the form was not sent from this"
                        + " site. Nothing was changed. Open the page again and repeat your change."
                : switch (shown) {
                    case 404 -> "There is no such page.";
                    case 503 -> "The database cannot be reached right now, so this page cannot be shown and nothing"
                            + " was changed. Try again in a few seconds.";
                    default -> "Something went wrong. Nothing was shown to anyone else.";
                };
        String home = request.getContextPath() + "/admin/applications.xhtml";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Clavis</title></head><body><main><h1>" + (staleForm ? "Form expired" : "Error " + shown)
                + "</h1><p>" + message + "</p><p><a href=\"" + home + "\">Back to Applications</a></p></main>"
                + "</body></html>";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(shown);
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static boolean causedByViewExpiry(Object exception) {
        for (Throwable t = exception instanceof Throwable throwable ? throwable : null; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("jakarta.faces.application.ViewExpiredException")) {
                return true;
            }
            // A forged or foreign view state ("stateless" on a stateful page) is refused the same way.
            if (t.getClass().getName().equals("jakarta.faces.FacesException")
                    && String.valueOf(t.getMessage()).startsWith("Unable to restore view")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
