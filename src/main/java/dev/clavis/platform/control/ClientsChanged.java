package dev.clavis.platform.control;

/**
 * Fired inside the transaction of any change that alters what the token endpoint must know about a client;
 * observed after the commit, so that the client's next token request reads the new state.
 */
public record ClientsChanged(String clientId) {

    public static ClientsChanged of(String clientId) {
        return new ClientsChanged(clientId);
    }
}
