package dev.clavis.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Who is signed in to the admin pages. The HTTP session holds only the username; it is set by {@link SignInPage}
 * after the session ID is renewed, and checked for every page by {@link AdminPageFilter}.
 */
@Named("administrator")
@RequestScoped
public class AdminSession {

    static final String USERNAME = "dev.clavis.admin.username";

    @Inject
    HttpServletRequest request;

    public String getUsername() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(USERNAME);
    }

    /** The audit trail's actor for changes made in the pages. */
    public String actor() {
        return "user:" + getUsername();
    }
}
