package dev.clavis.key.control;

import java.util.Set;

/**
 * The signing algorithms APIs pin for their resource servers, besides the configured one: each gets a key chain of its
 * own. The API feature implements this, so the dependency runs one way (an interface with one implementation, on
 * purpose, like {@code ApiGrantees}).
 */
public interface PinnedAlgorithms {

    /** @return the algorithm names (JWS {@code alg}) that enabled APIs pin */
    Set<String> algorithms();
}
