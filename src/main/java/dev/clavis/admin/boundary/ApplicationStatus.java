package dev.clavis.admin.boundary;

import dev.clavis.api.control.RegisteredApi;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an application can get a token for, as its page tells it: for each API it may call, the roles its tokens would
 * carry; or why its token requests fail. It follows what the token endpoint decides (the flow, a secret, the target
 * API and the scope), so the status line does not promise a token the endpoint then refuses.
 *
 * @param canObtainTokens whether a token request with the right secret gets a token, for some API
 * @param text the status line
 * @param targets the APIs it gets tokens for, with their roles; the default one first
 */
public record ApplicationStatus(boolean canObtainTokens, String text, List<Target> targets) implements Serializable {

    /** An API the application can get a token for, and the roles such a token carries (sorted). */
    public record Target(String apiId, String displayName, String identifier, List<String> roles, boolean isDefault)
            implements Serializable {

        String describe() {
            return displayName + " (" + identifier + ") with " + (roles.size() == 1 ? "role " : "roles ")
                    + String.join(", ", roles);
        }
    }

    /** What the status depends on: the application as saved. */
    record Facts(
            boolean enabled,
            boolean clientCredentialsFlow,
            long activeSecrets,
            Set<String> roles,
            List<RegisteredApi> apis,
            String defaultApiId) {}

    static ApplicationStatus of(Facts facts) {
        Optional<RegisteredApi> defaultApi = defaultApi(facts);
        List<Target> targets = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (RegisteredApi api : sorted(facts.apis())) {
            List<String> roles = rolesFor(api, facts.roles());
            if (!api.enabled()) {
                unusable.add(api.displayName() + " is disabled");
            } else if (roles.isEmpty()) {
                unusable.add(api.displayName() + " understands none of its roles");
            } else {
                boolean isDefault = defaultApi.filter(api::equals).isPresent();
                Target target = new Target(api.id(), api.displayName(), api.identifier(), roles, isDefault);
                targets.add(isDefault ? 0 : targets.size(), target);
            }
        }
        if (!facts.enabled()) {
            return new ApplicationStatus(false, "Disabled: its token requests are refused.", targets);
        }
        List<String> blockers = new ArrayList<>();
        if (!facts.clientCredentialsFlow()) {
            blockers.add("the client credentials flow is not allowed for it (tick Allow Client Credentials Flow)");
        }
        if (facts.activeSecrets() == 0) {
            blockers.add("it has no active secret (add one under Client secrets)");
        }
        if (facts.roles().isEmpty()) {
            blockers.add("it has no roles (choose its Client Credentials Roles)");
        }
        if (facts.apis().isEmpty()) {
            blockers.add("it may call no API (tick one under APIs this application may call)");
        } else if (targets.isEmpty() && !facts.roles().isEmpty()) {
            blockers.add("no API it may call gives it a token: " + String.join("; ", unusable));
        }
        if (!blockers.isEmpty()) {
            return new ApplicationStatus(
                    false, "Enabled, but it cannot obtain tokens: " + String.join("; ", blockers) + ".", targets);
        }
        StringBuilder text = new StringBuilder("Enabled: it can obtain tokens for ")
                .append(String.join("; ", targets.stream().map(Target::describe).toList()))
                .append('.');
        if (!unusable.isEmpty()) {
            text.append(" It gets none for the other APIs it may call: ")
                    .append(String.join("; ", unusable))
                    .append('.');
        }
        if (facts.apis().size() > 1) {
            text.append(' ').append(withoutTarget(facts, defaultApi, targets));
        }
        return new ApplicationStatus(true, text.toString(), targets);
    }

    /** What a token request that names no API gets, when the application may call several. */
    private static String withoutTarget(Facts facts, Optional<RegisteredApi> defaultApi, List<Target> targets) {
        if (defaultApi.isEmpty()) {
            return "It may call several APIs and has no default API, so each token request must name one with the"
                    + " resource parameter.";
        }
        RegisteredApi api = defaultApi.get();
        if (targets.stream().anyMatch(Target::isDefault)) {
            return "A token request that names no API gets a token for " + api.displayName() + ", its default API.";
        }
        return "Its default API, " + api.displayName() + ", gives it no token, so each token request must name"
                + " an API with the resource parameter.";
    }

    /** As the token endpoint picks it: the one marked default among those granted, or else the only one. */
    private static Optional<RegisteredApi> defaultApi(Facts facts) {
        Optional<RegisteredApi> marked = facts.apis().stream()
                .filter(api -> api.id().equals(facts.defaultApiId()))
                .findFirst();
        if (marked.isPresent() || facts.apis().size() != 1) {
            return marked;
        }
        return Optional.of(facts.apis().get(0));
    }

    /** The roles a token for the API carries when the application asks for none: those it holds that it understands. */
    private static List<String> rolesFor(RegisteredApi api, Set<String> held) {
        TreeSet<String> roles = new TreeSet<>(held);
        roles.retainAll(api.understood(held));
        return List.copyOf(roles);
    }

    private static List<RegisteredApi> sorted(List<RegisteredApi> apis) {
        return apis.stream()
                .sorted(Comparator.comparing(RegisteredApi::displayName).thenComparing(RegisteredApi::identifier))
                .toList();
    }
}
