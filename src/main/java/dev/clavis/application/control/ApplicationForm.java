package dev.clavis.application.control;

import java.util.List;

/**
 * What an administrator submits to register or change an application, from the API or the admin pages, before any
 * rule is checked. {@code clientSecret} is only read on registration; null means "generate one".
 *
 * @param apis the APIs it may call, each by ID or identifier; null on registration grants every API that understands
 *     one of its roles, null on a change keeps those it has
 * @param defaultApi the API (ID or identifier) a token request that names none is for, among {@code apis}; needed only
 *     when it may call several
 */
public record ApplicationForm(
        String clientId,
        String displayName,
        String type,
        Boolean clientCredentialsFlow,
        List<String> roles,
        List<String> apis,
        String defaultApi,
        Boolean enabled,
        Integer accessTokenLifetimeSeconds,
        String clientSecret) {

    @Override
    public String toString() {
        return "ApplicationForm[clientId=" + clientId + ", displayName=" + displayName + ", roles=" + roles
                + ", apis=" + apis + ", defaultApi=" + defaultApi
                + ", clientSecret=" + (clientSecret == null ? "none" : "***") + "]";
    }
}
