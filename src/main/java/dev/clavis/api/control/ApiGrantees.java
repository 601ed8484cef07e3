package dev.clavis.api.control;

import dev.clavis.api.entity.Api;
import java.util.List;

/**
 * The applications granted an API, as the API feature must know them before it deletes one. Applications are granted
 * APIs, not the other way round, so the application feature implements this and the dependency runs one way (an
 * interface with one implementation, on purpose, like {@code RoleHolders}).
 */
public interface ApiGrantees {

    /** @return the client IDs of the applications granted the API, in order */
    List<String> of(String apiId);

    /** Takes the API away from every application granted it, in the caller's transaction. */
    void withdrawEverywhere(Api api);
}
