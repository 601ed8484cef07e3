package dev.clavis.api.control;

import dev.clavis.api.entity.Api;
import dev.clavis.api.entity.TokenFormat;
import dev.clavis.role.entity.Role;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable snapshot of an API, as the token endpoint needs it: held in memory, so issuing reads no database.
 *
 * @param roles the roles it understands, unless it understands every role
 * @param introspectingClientId the application that may introspect its tokens besides their own client
 */
public record RegisteredApi(
        String id,
        String identifier,
        String displayName,
        boolean everyRole,
        Set<String> roles,
        TokenFormat tokenFormat,
        Optional<Integer> accessTokenLifetimeSeconds,
        boolean enabled,
        Optional<String> signingAlgorithm,
        Optional<String> introspectingClientId) {

    public static RegisteredApi of(Api api) {
        return new RegisteredApi(
                api.id(),
                api.identifier(),
                api.displayName(),
                api.understandsEveryRole(),
                api.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()),
                api.tokenFormat(),
                Optional.ofNullable(api.accessTokenLifetimeSeconds()),
                api.isEnabled(),
                Optional.ofNullable(api.signingAlgorithm()),
                Optional.ofNullable(api.introspectingClientId()));
    }

    /** @return which of the roles an application holds this API understands, and so puts in its tokens */
    public Set<String> understood(Set<String> held) {
        if (everyRole) {
            return held.contains(BuiltInApis.ADMINISTRATION_ROLE)
                    ? held.stream()
                            .filter(role -> !role.equals(BuiltInApis.ADMINISTRATION_ROLE))
                            .collect(Collectors.toUnmodifiableSet())
                    : held;
        }
        return roles;
    }
}
