package dev.clavis.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Makes the one {@link SecretDigests} of this process, keyed from the key-encryption key. */
@ApplicationScoped
public class SecretDigestsProducer {

    /** Changing this would make every stored generated secret unusable. */
    public static final String PURPOSE = "clavis client secret digest v1";

    @Inject
    ServerSecrets secrets;

    @Produces
    @Singleton
    SecretDigests secretDigests() {
        // the key is read at the first digest, after start-up has loaded the server secret
        return new SecretDigests(() -> secrets.derivedKey(PURPOSE), new SecretHasher());
    }
}
