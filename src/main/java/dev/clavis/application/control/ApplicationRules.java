package dev.clavis.application.control;

import dev.clavis.application.entity.ClientType;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Validation;
import java.util.List;
import java.util.Set;

/**
 * The rules of an application registration, in the words the admin pages show next to each field. The seeds'
 * wording is kept: a unique, lower-case client ID; a friendly display name; a confidential client; a long, random
 * secret.
 */
public final class ApplicationRules {

    public static final int MAX_DISPLAY_NAME = 100;
    public static final int MIN_LIFETIME = 60;
    public static final int MAX_LIFETIME = 86_400;
    public static final int MAX_ROLES = 100;
    public static final int MAX_APIS = 100;

    static final String CLIENT_ID_ADVICE = "it is recommended to use a lower-case name with no spaces or punctuation";
    static final String CLIENT_ID_RULE =
            "Use 3 to 64 lower-case letters and digits (a '-' inside is allowed); " + CLIENT_ID_ADVICE;

    private ApplicationRules() {}

    /** Checks a registration: every field, including the client ID and an entered secret. */
    public static List<FieldError> forRegistration(ApplicationForm form, Set<String> existingRoles) {
        Validation validation = new Validation();
        if (form.clientId() == null || form.clientId().isEmpty()) {
            validation.reject("clientId", "Enter a unique ID for the application; " + CLIENT_ID_ADVICE);
        } else if (!ClientIds.isValid(form.clientId())) {
            validation.reject("clientId", CLIENT_ID_RULE);
        }
        if (form.clientSecret() != null) {
            SecretPolicy.weakness(form.clientSecret())
                    .ifPresent(why -> validation.reject("clientSecret", "The secret " + why));
        }
        checkChangeable(form, existingRoles, validation);
        return validation.errors();
    }

    /** Checks a change: the fields an administrator may change after registration. */
    public static List<FieldError> forChange(ApplicationForm form, Set<String> existingRoles) {
        Validation validation = new Validation();
        // A change states the whole application: a forgotten field must not silently re-enable or re-allow anything.
        if (form.clientCredentialsFlow() == null) {
            validation.reject("clientCredentialsFlow", "Say whether the client credentials flow is allowed");
        }
        if (form.enabled() == null) {
            validation.reject("enabled", "Say whether the application is enabled");
        }
        if (form.roles() == null) {
            validation.reject("roles", "List the application's roles (an empty list for none)");
        }
        checkChangeable(form, existingRoles, validation);
        return validation.errors();
    }

    private static void checkChangeable(ApplicationForm form, Set<String> existingRoles, Validation validation) {
        validation.checkDisplayName(form.displayName(), MAX_DISPLAY_NAME, "the Applications list");
        if (form.type() != null && !ClientType.CONFIDENTIAL.name().equals(form.type())) {
            validation.reject(
                    "type", "Choose CONFIDENTIAL: only a confidential client may use the client credentials flow");
        }
        validation.checkRoles(form.roles(), existingRoles, MAX_ROLES);
        Integer lifetime = form.accessTokenLifetimeSeconds();
        if (lifetime != null && (lifetime < MIN_LIFETIME || lifetime > MAX_LIFETIME)) {
            validation.reject(
                    "accessTokenLifetimeSeconds",
                    "Use " + MIN_LIFETIME + " to " + MAX_LIFETIME
                            + " seconds, or leave it empty for the server's default");
        }
    }
}
