package dev.clavis.role.control;

import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Validation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a role. Its name is an OAuth scope value (RFC 6749 §3.3) that clients type into their configuration,
 * so it is kept to lower-case letters, digits, {@code .}, {@code -} and {@code _}.
 */
public final class RoleRules {

    public static final int MAX_DESCRIPTION = 500;
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{2,64}");

    private RoleRules() {}

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static List<FieldError> check(String name, String description) {
        Validation validation = new Validation();
        if (!isValidName(name)) {
            validation.reject(
                    "name", "Use 2 to 64 lower-case letters, digits, '.', '-' or '_', such as pos.sales.read");
        }
        if (Validation.isBlank(description)) {
            validation.reject("description", "Describe what the role allows; administrators read it when granting it");
        } else if (Validation.lengthInCharacters(description) > MAX_DESCRIPTION) {
            validation.reject("description", "Use at most " + MAX_DESCRIPTION + " characters");
        } else if (Validation.hasControlCharacters(description)) {
            validation.reject("description", "Use visible characters only (no control or direction characters)");
        }
        return validation.errors();
    }
}
