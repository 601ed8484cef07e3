package dev.clavis.api.control;

import java.util.Optional;

/** Finds the APIs a token request can be for, from memory. */
public interface ApiLookup {

    Optional<RegisteredApi> byId(String id);

    /** @param identifier what a token request named; anything, since it was not checked yet */
    Optional<RegisteredApi> byIdentifier(String identifier);
}
