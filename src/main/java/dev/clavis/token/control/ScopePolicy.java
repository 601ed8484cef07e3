package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthError;
import dev.clavis.platform.control.OAuthException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decides the scope of an access token (RFC 6749 §3.3). Clavis's scope values are role names: a client may ask for
 * any of the roles it has been granted that the target API understands; without a {@code scope} parameter it gets
 * all of them. When none is left, there is no token, since an empty scope is not a scope.
 */
public final class ScopePolicy {

    private static final int MAX_ECHOED = 5;

    private ScopePolicy() {}

    /**
     * @param requested the {@code scope} parameter without the target API's {@code .default}, if sent
     * @param held the roles the client has
     * @param understood the roles the target API understands: a token carries no role its API would not read
     * @return the granted scope (requested, held and understood; all held and understood when none requested), sorted
     * @throws OAuthException {@code invalid_scope} when the parameter is malformed, asks for a role the client lacks
     *     or the API does not understand, or nothing would be left
     */
    public static SortedSet<String> grant(Optional<String> requested, Set<String> held, Set<String> understood) {
        requireAnyRole(held);
        SortedSet<String> allowed = new TreeSet<>(held);
        allowed.retainAll(understood);
        if (allowed.isEmpty()) {
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "This application holds none of the roles this API understands; an administrator must grant it"
                            + " one of them");
        }
        if (requested.isEmpty()) {
            return Collections.unmodifiableSortedSet(allowed);
        }
        SortedSet<String> asked = parse(requested.get());
        refuse(asked.stream().filter(scope -> !held.contains(scope)).toList(), "This application may not request: ");
        refuse(asked.stream().filter(scope -> !understood.contains(scope)).toList(), "This API does not understand: ");
        return Collections.unmodifiableSortedSet(asked);
    }

    /**
     * Checked before the target API is looked for: an application without roles can get no token for any API, and
     * that is what its author must hear.
     *
     * @throws OAuthException {@code invalid_scope} when the client holds no role
     */
    public static void requireAnyRole(Set<String> held) {
        if (held.isEmpty()) {
            // RFC 6749 §3.3: a scope has at least one token, so a token with nothing in it cannot be described
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "This application has no roles; an administrator must grant it at least one");
        }
    }

    private static void refuse(List<String> refused, String why) {
        if (!refused.isEmpty()) {
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    why
                            + String.join(" ", refused.subList(0, Math.min(MAX_ECHOED, refused.size())))
                            + (refused.size() > MAX_ECHOED ? " ..." : ""));
        }
    }

    /** Splits {@code scope = scope-token *( SP scope-token )} and checks each token is {@code 1*NQCHAR}. */
    static SortedSet<String> parse(String scope) {
        SortedSet<String> tokens = new TreeSet<>();
        for (String token : scope.split(" ", -1)) {
            if (token.isEmpty() || !token.chars().allMatch(ScopePolicy::isNqChar)) {
                throw new OAuthException(
                        OAuthError.INVALID_SCOPE,
                        "The scope parameter is malformed: role names separated by single spaces");
            }
            tokens.add(token);
        }
        return tokens;
    }

    /** NQCHAR = %x21 / %x23-5B / %x5D-7E (RFC 6749 Appendix A). */
    private static boolean isNqChar(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
    }
}
