package dev.clavis.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A secret just created, for the one response that shows it. Request-scoped on purpose: it is gone when that
 * response is written, so it is never in the session, the view state, a later page or a URL.
 */
@Named
@RequestScoped
public class RevealedSecret {

    private String clientId;
    private String secret;

    void reveal(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    public boolean isPresent() {
        return secret != null;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSecret() {
        return secret;
    }
}
