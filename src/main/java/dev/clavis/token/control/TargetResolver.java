package dev.clavis.token.control;

import dev.clavis.api.control.ApiLookup;
import dev.clavis.api.control.ApiRules;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.application.control.RegisteredClient;
import dev.clavis.platform.control.OAuthException;
import java.util.Optional;

/**
 * Decides which API a token is for (RFC 8707 §2): the one the request names, or else the application's default API
 * (the only one it may call, or the one marked default among several). Every refusal is {@code invalid_target} with a
 * description that tells the client's author what to change and says nothing about APIs or applications the client
 * may not see: an unknown API and one this application is not granted read the same.
 */
public final class TargetResolver {

    static final String NOT_A_URI = "The resource must be an absolute URI without a fragment (RFC 8707, section 2)";
    static final String NOT_CALLABLE = "This application may not call the API the request names; an administrator"
            + " grants APIs on the application's page";
    static final String DISABLED = "The API this token would be for is disabled; an administrator must enable it";
    static final String NO_API = "This application may not call any API; an administrator must grant it one";
    static final String NAME_ONE =
            "This application may call several APIs and has no default; name one with the" + " resource parameter";

    private TargetResolver() {}

    /**
     * @param target the API the request names, unchecked
     * @throws OAuthException {@code invalid_target} when the client may not get a token for it
     */
    public static RegisteredApi resolve(Optional<String> target, RegisteredClient client, ApiLookup apis) {
        RegisteredApi api = target.isPresent() ? named(target.get(), client, apis) : defaultOf(client, apis);
        if (!api.enabled()) {
            throw OAuthException.invalidTarget(DISABLED);
        }
        return api;
    }

    private static RegisteredApi named(String identifier, RegisteredClient client, ApiLookup apis) {
        Optional<RegisteredApi> found = apis.byIdentifier(identifier);
        if (found.isEmpty()) {
            // checked only now, so that a request naming a known API costs a map lookup and no URI parsing
            throw OAuthException.invalidTarget(ApiRules.isValidIdentifier(identifier) ? NOT_CALLABLE : NOT_A_URI);
        }
        if (!client.apiIds().contains(found.get().id())) {
            throw OAuthException.invalidTarget(NOT_CALLABLE);
        }
        return found.get();
    }

    private static RegisteredApi defaultOf(RegisteredClient client, ApiLookup apis) {
        Optional<String> id = client.defaultApiId().filter(client.apiIds()::contains);
        if (id.isEmpty()) {
            if (client.apiIds().isEmpty()) {
                throw OAuthException.invalidTarget(NO_API);
            }
            if (client.apiIds().size() > 1) {
                throw OAuthException.invalidTarget(NAME_ONE);
            }
            id = client.apiIds().stream().findFirst();
        }
        // granted but gone: removed while this snapshot of the client was read
        return apis.byId(id.get()).orElseThrow(() -> OAuthException.invalidTarget(NO_API));
    }
}
