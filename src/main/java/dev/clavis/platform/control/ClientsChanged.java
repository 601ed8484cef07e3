package dev.clavis.platform.control;

import java.util.Optional;

/**
 * Fired inside the transaction of any change that alters what the token endpoint must know about clients; observed
 * after the commit, so that the next token request reads the new state. Empty means every client.
 */
public record ClientsChanged(Optional<String> clientId) {

    public static ClientsChanged of(String clientId) {
        return new ClientsChanged(Optional.of(clientId));
    }

    public static ClientsChanged all() {
        return new ClientsChanged(Optional.empty());
    }
}
