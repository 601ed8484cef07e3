package dev.clavis.revocation.boundary;

import dev.clavis.revocation.control.TokenIntrospector;
import dev.clavis.token.control.PresentedTokenRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;

/**
 * {@code POST /oauth2/introspect} (RFC 7662 §2): {@code token} and optional {@code token_type_hint} in the form body,
 * the caller authenticated with {@code client_secret_basic} or {@code client_secret_post}; answers
 * {@code {"active": true, ...}} or {@code {"active": false}}.
 */
@WebServlet(name = "introspect", urlPatterns = "/oauth2/introspect")
public class IntrospectionEndpoint extends PresentedTokenEndpoint {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenIntrospector introspector;

    @Override
    String answer(PresentedTokenRequest request, String source) {
        return introspector.introspect(request, source);
    }

    @Override
    String name() {
        return "introspection endpoint";
    }
}
