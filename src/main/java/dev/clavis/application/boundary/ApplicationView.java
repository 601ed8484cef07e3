package dev.clavis.application.boundary;

import dev.clavis.api.entity.Api;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.role.entity.Role;
import java.time.Instant;
import java.util.List;

/**
 * An application as the admin API shows it: {@code apis} are the IDs of the APIs it may call ({@code /admin/api/apis}),
 * {@code defaultApi} the one a token request naming none is for. {@code clientSecret} is filled only in the answer to the request that
 * created the secret; everywhere else secrets appear as {@link SecretView}s. {@code tokensRevokedBefore}: every token
 * issued up to then was revoked ({@code POST .../tokens/revoke}), or null.
 */
public record ApplicationView(
        String clientId,
        String displayName,
        String type,
        boolean clientCredentialsFlow,
        List<String> roles,
        List<String> apis,
        String defaultApi,
        boolean enabled,
        Integer accessTokenLifetimeSeconds,
        Instant tokensRevokedBefore,
        Instant createdAt,
        Instant updatedAt,
        List<SecretView> secrets,
        String clientSecret) {

    /** A secret without its value: the hint tells secrets apart. */
    public record SecretView(String id, String hint, Instant createdAt, Instant expiresAt, boolean active) {

        static SecretView of(ClientSecret secret, Instant now) {
            return new SecretView(
                    secret.id(), secret.hint(), secret.createdAt(), secret.expiresAt(), secret.isActive(now));
        }
    }

    public static ApplicationView of(Application application) {
        return withSecret(application, null);
    }

    public static ApplicationView withSecret(Application application, String clearSecret) {
        Instant now = Instant.now();
        return new ApplicationView(
                application.clientId(),
                application.displayName(),
                application.type().name(),
                application.isClientCredentialsFlow(),
                application.roles().stream().map(Role::name).sorted().toList(),
                application.apis().stream().map(Api::id).sorted().toList(),
                application.defaultApi() == null
                        ? null
                        : application.defaultApi().id(),
                application.isEnabled(),
                application.accessTokenLifetimeSeconds(),
                application.tokensRevokedBefore(),
                application.createdAt(),
                application.updatedAt(),
                application.secrets().stream()
                        .map(secret -> SecretView.of(secret, now))
                        .toList(),
                clearSecret);
    }

    @Override
    public String toString() {
        return "ApplicationView[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "none" : "***")
                + "]";
    }
}
