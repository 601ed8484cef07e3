package dev.clavis.application.control;

import java.util.regex.Pattern;

/**
 * The shape of a client ID: lower-case letters and digits, a {@code -} allowed inside, 3 to 64 characters. The seeds
 * recommend "a lower-case name with no spaces or punctuation". The same rule is a CHECK constraint in the schema.
 */
public final class ClientIds {

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}[a-z0-9]");

    private ClientIds() {}

    public static boolean isValid(String clientId) {
        return clientId != null && CLIENT_ID.matcher(clientId).matches();
    }
}
