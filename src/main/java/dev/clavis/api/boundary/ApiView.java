package dev.clavis.api.boundary;

import dev.clavis.api.entity.Api;
import dev.clavis.role.entity.Role;
import java.time.Instant;
import java.util.List;

/**
 * An API as the admin API shows it. {@code identifier} is what its tokens carry as {@code aud}; {@code roles} what it
 * understands (empty when {@code everyRole}); {@code grantedTo} the applications that may call it;
 * {@code introspectingClient} the application that may introspect its tokens (RFC 7662), or null.
 */
public record ApiView(
        String id,
        String identifier,
        String displayName,
        List<String> roles,
        boolean everyRole,
        String tokenFormat,
        Integer accessTokenLifetimeSeconds,
        boolean enabled,
        String signingAlgorithm,
        String introspectingClient,
        boolean builtIn,
        List<String> grantedTo,
        Instant createdAt,
        Instant updatedAt) {

    public static ApiView of(Api api, List<String> grantedTo) {
        return new ApiView(
                api.id(),
                api.identifier(),
                api.displayName(),
                api.roles().stream().map(Role::name).sorted().toList(),
                api.understandsEveryRole(),
                api.tokenFormat().name(),
                api.accessTokenLifetimeSeconds(),
                api.isEnabled(),
                api.signingAlgorithm(),
                api.introspectingClientId(),
                api.isBuiltIn(),
                grantedTo,
                api.createdAt(),
                api.updatedAt());
    }
}
