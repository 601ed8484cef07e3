package dev.clavis.wiring;

import dev.clavis.platform.boundary.PublicScheme;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds {@code Strict-Transport-Security} (RFC 6797) to every response, error pages included, when the public issuer
 * is https ({@link PublicScheme}): a browser that once reached Clavis then never sends it a request in clear text.
 * Set before the request is served, so that no response can be committed without it. Nothing on plain http, where
 * browsers ignore it anyway (RFC 6797 §7.2) and a development server must stay reachable.
 */
@WebFilter(
        filterName = "strict-transport-security",
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class StrictTransportSecurity implements Filter {

    @Inject
    PublicScheme publicScheme;

    public StrictTransportSecurity() {}

    StrictTransportSecurity(PublicScheme publicScheme) {
        this.publicScheme = publicScheme;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (publicScheme.isHttps() && response instanceof HttpServletResponse http) {
            http.setHeader("Strict-Transport-Security", PublicScheme.HSTS);
        }
        chain.doFilter(request, response);
    }
}
