package dev.clavis.platform.control;

/**
 * Fired inside the transaction of any change that alters what the token endpoint must know about a client;
 * observed after the commit, so that the client's next token request reads the new state.
 *
 * @param clientId the changed client; null for every client ({@link #all()})
 */
public record ClientsChanged(String clientId) {

    public static ClientsChanged of(String clientId) {
        return new ClientsChanged(clientId);
    }

    /** Any client may have changed: the change feed says so after it was out of reach for a while. */
    public static ClientsChanged all() {
        return new ClientsChanged(null);
    }

    public boolean everyClient() {
        return clientId == null;
    }
}
