package dev.clavis.application.control;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.control.BuiltInApis;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.api.entity.Api;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.application.entity.ClientType;
import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.Validation;
import dev.clavis.role.control.RoleCatalog;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers, changes and removes applications and their secrets: the one place these rules are applied, for the
 * admin API and the admin pages alike. Each change is audited and reaches the token endpoint as soon as it commits.
 * Runs inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApplicationCatalog {

    public static final int MAX_ACTIVE_SECRETS = 2;

    /** A secret just created: the only moment its clear value exists outside the client. */
    public record NewSecret(Application application, ClientSecret stored, String clearSecret) {

        @Override
        public String toString() {
            return "NewSecret[clientId=" + application.clientId() + ", secretId=" + stored.id() + "]";
        }
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    RoleCatalog roles;

    @Inject
    ApiCatalog apis;

    @Inject
    AuditTrail audit;

    @Inject
    Event<ClientsChanged> changes;

    @Inject
    SecretDigests digests;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Application> list() {
        return entityManager
                .createNamedQuery(Application.FIND_ALL, Application.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Application> find(String clientId) {
        return ClientIds.isValid(clientId)
                ? Optional.ofNullable(entityManager.find(Application.class, clientId))
                : Optional.empty();
    }

    public Outcome<NewSecret> register(ApplicationForm form, String actor) {
        return audit.audited(
                actor, "application.register", String.valueOf(form.clientId()), () -> registerUnaudited(form));
    }

    private Outcome<NewSecret> registerUnaudited(ApplicationForm form) {
        List<FieldError> errors = ApplicationRules.forRegistration(form, roles.nameSet());
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        if (entityManager.find(Application.class, form.clientId()) != null) {
            return new Outcome.Conflict<>(
                    "An application with this client ID already exists; choose a unique ID", List.of(form.clientId()));
        }
        Outcome<GrantedApis> granted = grantedApis(form, null);
        if (!(granted instanceof Outcome.Done<GrantedApis> done)) {
            return new Outcome.Invalid<>(((Outcome.Invalid<GrantedApis>) granted).errors());
        }
        Application application = new Application(form.clientId(), form.displayName());
        applyForm(application, form, done.value());
        Application.AddedSecret added = form.clientSecret() != null
                ? application.addTypedSecret(form.clientSecret(), digests, null)
                : application.addGeneratedSecret(digests, null);
        entityManager.persist(application);
        entityManager.flush();
        changes.fire(ClientsChanged.of(application.clientId()));
        return new Outcome.Done<>(new NewSecret(application, added.stored(), added.clearSecret()));
    }

    public Outcome<Application> change(String clientId, ApplicationForm form, long expectedVersion, String actor) {
        return audit.audited(
                actor, "application.change", clientId, () -> changeUnaudited(clientId, form, expectedVersion));
    }

    private Outcome<Application> changeUnaudited(String clientId, ApplicationForm form, long expectedVersion) {
        Optional<Application> found = find(clientId);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Application " + clientId);
        }
        Application application = found.get();
        if (application.version() != expectedVersion) {
            return new Outcome.Stale<>();
        }
        List<FieldError> errors = ApplicationRules.forChange(form, roles.nameSet());
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        Outcome<GrantedApis> granted = grantedApis(form, application);
        if (!(granted instanceof Outcome.Done<GrantedApis> done)) {
            return new Outcome.Invalid<>(((Outcome.Invalid<GrantedApis>) granted).errors());
        }
        applyForm(application, form, done.value());
        entityManager.flush();
        changes.fire(ClientsChanged.of(clientId));
        return new Outcome.Done<>(application);
    }

    public Outcome<Void> remove(String clientId, Optional<Long> expectedVersion, String actor) {
        return audit.audited(actor, "application.remove", clientId, () -> removeUnaudited(clientId, expectedVersion));
    }

    private Outcome<Void> removeUnaudited(String clientId, Optional<Long> expectedVersion) {
        Optional<Application> found = find(clientId);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Application " + clientId);
        }
        if (expectedVersion.isPresent() && expectedVersion.get() != found.get().version()) {
            return new Outcome.Stale<>();
        }
        entityManager.remove(found.get());
        entityManager.flush();
        changes.fire(ClientsChanged.of(clientId));
        return new Outcome.Done<>(null);
    }

    /**
     * Adds a secret, entered or generated, so that a client can move to it before the old one is revoked or expires.
     */
    public Outcome<NewSecret> addSecret(
            String clientId, Optional<String> enteredSecret, Optional<Instant> expiresAt, String actor) {
        return audit.audited(
                actor, "secret.add", clientId, () -> addSecretUnaudited(clientId, enteredSecret, expiresAt));
    }

    private Outcome<NewSecret> addSecretUnaudited(
            String clientId, Optional<String> enteredSecret, Optional<Instant> expiresAt) {
        Optional<Application> found = find(clientId);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Application " + clientId);
        }
        Optional<String> weakness = enteredSecret.flatMap(SecretPolicy::weakness);
        if (weakness.isPresent()) {
            return Outcome.invalid("clientSecret", "The secret " + weakness.get());
        }
        Instant now = Instant.now();
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(now)) {
            return Outcome.invalid("expiresAt", "Choose a time in the future");
        }
        Application application = found.get();
        if (application.activeSecretCount(now) >= MAX_ACTIVE_SECRETS) {
            return new Outcome.Conflict<>(
                    "An application has at most " + MAX_ACTIVE_SECRETS
                            + " active secrets; revoke one (or let it expire) before adding another",
                    List.of());
        }
        Application.AddedSecret added = enteredSecret.isPresent()
                ? application.addTypedSecret(enteredSecret.get(), digests, expiresAt.orElse(null))
                : application.addGeneratedSecret(digests, expiresAt.orElse(null));
        entityManager.flush();
        changes.fire(ClientsChanged.of(clientId));
        return new Outcome.Done<>(new NewSecret(application, added.stored(), added.clearSecret()));
    }

    public Outcome<Application> revokeSecret(String clientId, String secretId, String actor) {
        return revokeSecret(clientId, secretId, false, actor);
    }

    /**
     * @param withTokens also revoke every token the application holds: a token does not say which secret obtained
     *     it, so "the tokens obtained with it" are all tokens issued until now
     */
    public Outcome<Application> revokeSecret(String clientId, String secretId, boolean withTokens, String actor) {
        return audit.audited(
                actor,
                withTokens ? "secret.revoke-with-tokens" : "secret.revoke",
                clientId + " secret " + secretId,
                () -> revokeSecretUnaudited(clientId, secretId, withTokens));
    }

    private Outcome<Application> revokeSecretUnaudited(String clientId, String secretId, boolean withTokens) {
        Optional<Application> found = find(clientId);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Application " + clientId);
        }
        if (!found.get().revokeSecret(secretId)) {
            return new Outcome.NotFound<>("Secret " + secretId + " of application " + clientId);
        }
        if (withTokens) {
            found.get().revokeTokens(Instant.now());
        }
        entityManager.flush();
        changes.fire(ClientsChanged.of(clientId));
        return new Outcome.Done<>(found.get());
    }

    /**
     * Revokes every token issued to the application until now: introspection answers {@code active: false} for them,
     * and the admin and sample APIs refuse them, from the next request on (on other instances within
     * {@code clavis.client-cache.ttl-seconds}).
     */
    public Outcome<Application> revokeTokens(String clientId, String actor) {
        return audit.audited(actor, "tokens.revoke", clientId, () -> revokeTokensUnaudited(clientId));
    }

    private Outcome<Application> revokeTokensUnaudited(String clientId) {
        Optional<Application> found = find(clientId);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Application " + clientId);
        }
        found.get().revokeTokens(Instant.now());
        entityManager.flush();
        changes.fire(ClientsChanged.of(clientId));
        return new Outcome.Done<>(found.get());
    }

    /** The changeable state of an application, from a checked form (a missing flag means "yes", as in the seeds). */
    private void applyForm(Application application, ApplicationForm form, GrantedApis granted) {
        application.change(
                form.displayName(),
                ClientType.CONFIDENTIAL,
                orTrue(form.clientCredentialsFlow()),
                orTrue(form.enabled()),
                form.accessTokenLifetimeSeconds(),
                rolesNamed(form.roles()));
        application.callApis(granted.apis(), granted.defaultApi());
    }

    private record GrantedApis(Set<Api> apis, Api defaultApi) {}

    /**
     * The APIs a form grants. Without a list, a new application may call every API that understands one of its roles
     * (the default API the default among them), and a changed one keeps what it had.
     *
     * @param existing the application being changed, or null for a registration
     */
    private Outcome<GrantedApis> grantedApis(ApplicationForm form, Application existing) {
        if (form.apis() == null) {
            if (existing != null) {
                return new Outcome.Done<>(new GrantedApis(existing.apis(), existing.defaultApi()));
            }
            Set<String> held = new HashSet<>(form.roles() == null ? List.of() : form.roles());
            Set<Api> understood = new HashSet<>();
            for (Api api : apis.list()) {
                if (RegisteredApi.of(api).understood(held).stream().anyMatch(held::contains)) {
                    understood.add(api);
                }
            }
            Api defaultApi = understood.size() > 1
                    ? understood.stream()
                            .filter(api -> api.id().equals(BuiltInApis.DEFAULT_ID))
                            .findFirst()
                            .orElse(null)
                    : null;
            return new Outcome.Done<>(new GrantedApis(understood, defaultApi));
        }
        if (form.apis().size() > ApplicationRules.MAX_APIS) {
            return Outcome.invalid("apis", "Choose at most " + ApplicationRules.MAX_APIS + " APIs");
        }
        Set<Api> granted = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String reference : form.apis()) {
            Optional<Api> api = apiNamed(reference);
            if (api.isPresent()) {
                granted.add(api.get());
            } else {
                unknown.add(reference == null ? "null" : Validation.printable(reference, 64));
            }
        }
        if (!unknown.isEmpty()) {
            return Outcome.invalid("apis", "These APIs do not exist: " + String.join(", ", unknown));
        }
        Api defaultApi = null;
        if (form.defaultApi() != null && !form.defaultApi().isEmpty()) {
            defaultApi = apiNamed(form.defaultApi()).filter(granted::contains).orElse(null);
            if (defaultApi == null) {
                return Outcome.invalid("defaultApi", "Choose the default API among the APIs the application may call");
            }
        }
        return new Outcome.Done<>(new GrantedApis(granted, defaultApi));
    }

    /** An API by its ID or, when the reference is a URI, its identifier. */
    private Optional<Api> apiNamed(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return reference.contains(":") ? apis.findByIdentifier(reference) : apis.find(reference);
    }

    private Set<Role> rolesNamed(List<String> names) {
        Set<Role> found = new HashSet<>();
        if (names != null) {
            for (String name : names) {
                found.add(entityManager.find(Role.class, name));
            }
        }
        return found;
    }

    private static boolean orTrue(Boolean value) {
        return value == null || value;
    }
}
