package dev.clavis.token.boundary;

import dev.clavis.platform.boundary.RequestBodies;
import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the form body of a request to an OAuth endpoint (token, introspection, revocation) with one size limit, checked
 * before the body is read when the client declares its length.
 */
public final class OAuthRequestBody {

    /** Far above any real request, small enough that no one can make the server buffer much. */
    public static final int MAX_BYTES = 64 * 1024;

    private OAuthRequestBody() {}

    /** @throws OAuthException {@code invalid_request} with 413 when the body is larger than {@link #MAX_BYTES} */
    public static byte[] read(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            long declared = request.getContentLengthLong();
            if (declared > MAX_BYTES) {
                if (declared <= RequestBodies.MAX_DRAINED_BYTES) {
                    RequestBodies.drain(in);
                }
                throw tooLarge();
            }
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                RequestBodies.drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    /** Only POST (RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1): 405 with {@code Allow} for anything else. */
    public static void requirePost(HttpServletRequest request, HttpServletResponse response, String what) {
        if (!"POST".equals(request.getMethod())) {
            response.setHeader("Allow", "POST");
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The " + what + " accepts only POST", 405);
        }
    }

    private static OAuthException tooLarge() {
        return new OAuthException(
                OAuthError.INVALID_REQUEST, "The request body is larger than " + MAX_BYTES + " bytes", 413);
    }
}
