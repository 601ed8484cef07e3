package dev.clavis.wiring;

import dev.clavis.platform.boundary.PublicScheme;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Marks the session cookie {@code Secure} when the public issuer is https ({@link PublicScheme}), also when TLS
 * ends at a proxy and the container itself only ever sees plain HTTP (it would then never set the flag on its
 * own). The other attributes of the cookie are the admin pages' to choose.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SecureSessionCookie.class.getName());

    @Inject
    PublicScheme publicScheme;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (publicScheme.isHttps()) {
            SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
            cookie.setSecure(true);
            LOG.info("The public issuer is https: session cookies are Secure and responses carry"
                    + " Strict-Transport-Security");
        }
    }
}
