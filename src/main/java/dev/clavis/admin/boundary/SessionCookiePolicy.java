package dev.clavis.admin.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The admin pages' session cookie: never sent with a request another site starts (SameSite=Strict), out of reach of
 * script (HttpOnly). Set here with the Servlet 6 API, since not every server reads the {@code <attribute>} element of
 * {@code web.xml}. The container marks it Secure by itself when the session starts over HTTPS.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
    }
}
