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
 * any of the roles it has been granted; without a {@code scope} parameter it gets all of them. An application with no
 * roles gets no token, since an empty scope is not a scope.
 */
public final class ScopePolicy {

    private static final int MAX_ECHOED = 5;

    private ScopePolicy() {}

    /**
     * @param requested the {@code scope} parameter, if sent
     * @param allowed the roles the client has
     * @return the granted scope, sorted
     * @throws OAuthException {@code invalid_scope} when the parameter is malformed or asks for a role the client lacks
     */
    public static SortedSet<String> grant(Optional<String> requested, Set<String> allowed) {
        if (allowed.isEmpty()) {
            // RFC 6749 §3.3: a scope has at least one token, so a token with nothing in it cannot be described
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "This application has no roles; an administrator must grant it at least one");
        }
        if (requested.isEmpty()) {
            return Collections.unmodifiableSortedSet(new TreeSet<>(allowed));
        }
        SortedSet<String> asked = parse(requested.get());
        List<String> refused =
                asked.stream().filter(scope -> !allowed.contains(scope)).toList();
        if (!refused.isEmpty()) {
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "This application may not request: "
                            + String.join(" ", refused.subList(0, Math.min(MAX_ECHOED, refused.size())))
                            + (refused.size() > MAX_ECHOED ? " ..." : ""));
        }
        return Collections.unmodifiableSortedSet(asked);
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
