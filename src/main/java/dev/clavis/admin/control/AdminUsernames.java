package dev.clavis.admin.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for administrators' usernames, applied to what someone typed before it is looked up, counted or kept: 1 to
 * 64 lower-case letters, digits or {@code . _ @ -} (the rule {@link BootstrapAdministrator} applies to the configured
 * name). Anything else cannot be an administrator, and is never used as a key.
 */
public final class AdminUsernames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern RULE = Pattern.compile("[a-z0-9._@-]{1," + MAX_LENGTH + "}");
    /** Longer input is refused before it is copied (stripped, lower-cased): a 2 MB name costs one length check. */
    private static final int MAX_TYPED_LENGTH = 2 * MAX_LENGTH;

    private AdminUsernames() {}

    /** @return the typed name as a username (trimmed, lower-case), or empty when it cannot be one */
    public static Optional<String> checked(String typed) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return Optional.empty();
        }
        String name = typed.strip().toLowerCase(Locale.ROOT);
        return RULE.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
