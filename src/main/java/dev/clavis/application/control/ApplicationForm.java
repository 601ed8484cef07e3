package dev.clavis.application.control;

import java.util.List;

/**
 * What an administrator submits to register or change an application, from the API or the admin pages, before any
 * rule is checked. {@code clientSecret} is only read on registration; null means "generate one".
 */
public record ApplicationForm(
        String clientId,
        String displayName,
        String type,
        Boolean clientCredentialsFlow,
        List<String> roles,
        Boolean enabled,
        Integer accessTokenLifetimeSeconds,
        String clientSecret) {

    @Override
    public String toString() {
        return "ApplicationForm[clientId=" + clientId + ", displayName=" + displayName + ", roles=" + roles
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + "]";
    }
}
