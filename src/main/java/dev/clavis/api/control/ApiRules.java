package dev.clavis.api.control;

import dev.clavis.api.entity.TokenFormat;
import dev.clavis.key.control.KeyPairFactory;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Validation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of an API registration, in the words the admin pages show next to each field. */
public final class ApiRules {

    public static final int MAX_IDENTIFIER = 200;
    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MAX_ROLES = 100;
    public static final int MIN_LIFETIME = 60;
    public static final int MAX_LIFETIME = 86_400;

    static final String IDENTIFIER_RULE = "Use an absolute URI without a fragment, such as https://pos.example.com/api"
            + " or api://pos-backoffice (at most " + MAX_IDENTIFIER + " characters, no spaces)";

    /** The shape of a client ID (the application package's rule, which this package cannot import). */
    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private ApiRules() {}

    /**
     * @return whether the value can be an API identifier (RFC 8707 §2: an absolute URI without a fragment); what a
     *     token request may name, checked before it is looked up or echoed
     */
    public static boolean isValidIdentifier(String identifier) {
        if (identifier == null
                || identifier.isEmpty()
                || identifier.length() > MAX_IDENTIFIER
                || !identifier.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)
                || identifier.indexOf('#') >= 0) {
            return false;
        }
        try {
            URI uri = new URI(identifier);
            return uri.isAbsolute() && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    public static Optional<TokenFormat> tokenFormat(String name) {
        if (name == null) {
            return Optional.of(TokenFormat.RFC9068);
        }
        return Arrays.stream(TokenFormat.values())
                .filter(format -> format.name().equals(name))
                .findFirst();
    }

    public static List<FieldError> check(ApiForm form, Set<String> existingRoles) {
        Validation validation = new Validation();
        if (form.identifier() == null || form.identifier().isEmpty()) {
            validation.reject("identifier", "Enter the API's identifier: " + IDENTIFIER_RULE);
        } else if (!isValidIdentifier(form.identifier())) {
            validation.reject("identifier", IDENTIFIER_RULE);
        }
        validation.checkDisplayName(form.displayName(), MAX_DISPLAY_NAME, "the APIs list");
        validation.checkRoles(form.roles(), existingRoles, MAX_ROLES);
        if (tokenFormat(form.tokenFormat()).isEmpty()) {
            validation.reject(
                    "tokenFormat",
                    "Choose RFC9068 (typ at+jwt, the standard) or MICROPROFILE (typ JWT, for MicroProfile JWT"
                            + " resource servers such as Payara's)");
        }
        String algorithm = form.signingAlgorithm();
        if (algorithm != null
                && !algorithm.isEmpty()
                && KeyPairFactory.SUPPORTED.stream()
                        .noneMatch(supported -> supported.getName().equals(algorithm))) {
            validation.reject(
                    "signingAlgorithm",
                    "Choose RS256, ES256, PS256 or EdDSA, or leave it empty for the server's algorithm");
        }
        Integer lifetime = form.accessTokenLifetimeSeconds();
        if (lifetime != null && (lifetime < MIN_LIFETIME || lifetime > MAX_LIFETIME)) {
            validation.reject(
                    "accessTokenLifetimeSeconds",
                    "Use " + MIN_LIFETIME + " to " + MAX_LIFETIME
                            + " seconds, or leave it empty for the server's default");
        }
        String introspecting = form.introspectingClient();
        if (introspecting != null
                && !introspecting.isEmpty()
                && !CLIENT_ID.matcher(introspecting).matches()) {
            validation.reject(
                    "introspectingClient",
                    "Enter the client ID of a registered application (lower-case letters, digits and -), or leave it"
                            + " empty");
        }
        return validation.errors();
    }
}
