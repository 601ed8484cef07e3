package dev.clavis.revocation.boundary;

import dev.clavis.revocation.control.TokenRevoker;
import dev.clavis.token.control.PresentedTokenRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * {@code POST /oauth2/revoke} (RFC 7009 §2): {@code token} and optional {@code token_type_hint} in the form body, the
 * client authenticated with {@code client_secret_basic} or {@code client_secret_post}; 200 with an empty body whether
 * or not anything was revoked (§2.2).
 */
@WebServlet(name = "revoke", urlPatterns = "/oauth2/revoke")
public class RevocationEndpoint extends PresentedTokenEndpoint {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenRevoker revoker;

    @Override
    String answer(PresentedTokenRequest request, String source) {
        revoker.revoke(request, source);
        return "";
    }

    @Override
    String name() {
        return "revocation endpoint";
    }
}
