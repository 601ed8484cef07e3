package dev.clavis.api.control;

import dev.clavis.api.entity.Api;
import dev.clavis.platform.control.ClusterLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two APIs every installation has. Their identifiers depend on configuration, which a schema migration cannot
 * read, so start-up writes them: the Clavis administration API is always {@code {issuer}/admin/api} (it follows the
 * issuer when that changes); the default API, which the migration made for the sample API and for what every token
 * was for until APIs existed, gets {@code clavis.token.audience} on the first start and is an ordinary API after that.
 */
@ApplicationScoped
public class BuiltInApis {

    public static final String ADMINISTRATION_ID = "clavis-administration";
    public static final String DEFAULT_ID = "default";
    /** The one role the administration API understands, and no API that understands "every role" does. */
    public static final String ADMINISTRATION_ROLE = "clavis-admin";

    private static final String PENDING_DEFAULT = "urn:clavis:pending:default";
    private static final Logger LOG = Logger.getLogger(BuiltInApis.class.getName());

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "clavis.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "clavis.token.audience")
    String defaultAudience;

    /** @return the administration API's identifier: the only {@code aud} the admin API accepts */
    public static String administrationIdentifier(String issuer) {
        return issuer + "/admin/api";
    }

    @Transactional
    public void ensure() {
        ClusterLock.lockForBootstrap(entityManager);
        identify(ADMINISTRATION_ID, administrationIdentifier(issuer));
        Api defaultApi = entityManager.find(Api.class, DEFAULT_ID);
        if (defaultApi != null && defaultApi.identifier().equals(PENDING_DEFAULT)) {
            identify(DEFAULT_ID, defaultAudience);
        }
    }

    private void identify(String id, String identifier) {
        Api api = entityManager.find(Api.class, id);
        if (api == null || api.identifier().equals(identifier)) {
            return;
        }
        if (!ApiRules.isValidIdentifier(identifier)) {
            throw new IllegalStateException("The identifier of the built-in API " + id + " would be " + identifier
                    + ", which is not an absolute URI without a fragment; check clavis.issuer and"
                    + " clavis.token.audience");
        }
        Api holder = entityManager
                .createNamedQuery(Api.FIND_BY_IDENTIFIER, Api.class)
                .setParameter("identifier", identifier)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (holder != null) {
            throw new IllegalStateException("The built-in API " + id + " must be identified as " + identifier
                    + ", but the API " + holder.id() + " (" + holder.displayName() + ") has that identifier; change"
                    + " that API's identifier or the configuration");
        }
        String previous = api.identifier();
        api.identifiedAs(identifier);
        LOG.info(() -> "API " + api.displayName() + " is now identified as " + identifier + " (was " + previous + ")");
    }
}
