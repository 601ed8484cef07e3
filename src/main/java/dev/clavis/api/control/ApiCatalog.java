package dev.clavis.api.control;

import dev.clavis.api.entity.Api;
import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import dev.clavis.role.control.RoleCatalog;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Adds, changes and removes APIs: the one place these rules are applied, for the admin API and the pages alike. Each
 * change is audited and reaches the token endpoint as soon as it commits. Runs inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ApiCatalog {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    RoleCatalog roles;

    @Inject
    AuditTrail audit;

    @Inject
    ApiGrantees grantees;

    @Inject
    Event<ApisChanged> changes;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Api> list() {
        return entityManager.createNamedQuery(Api.FIND_ALL, Api.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Api> find(String id) {
        return isPlausibleId(id) ? Optional.ofNullable(entityManager.find(Api.class, id)) : Optional.empty();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Api> findByIdentifier(String identifier) {
        if (!ApiRules.isValidIdentifier(identifier)) {
            return Optional.empty();
        }
        return entityManager
                .createNamedQuery(Api.FIND_BY_IDENTIFIER, Api.class)
                .setParameter("identifier", identifier)
                .getResultStream()
                .findFirst();
    }

    /** @return the client IDs of the applications granted the API */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> grantees(String id) {
        return grantees.of(id);
    }

    public Outcome<Api> create(ApiForm form, String actor) {
        return audit.audited(actor, "api.create", auditTarget(form), () -> createUnaudited(form));
    }

    private Outcome<Api> createUnaudited(ApiForm form) {
        List<FieldError> errors = checked(form);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        if (findByIdentifier(form.identifier()).isPresent()) {
            return identifierTaken(form.identifier());
        }
        Api api = new Api(newId(), form.identifier(), form.displayName());
        apply(api, form);
        entityManager.persist(api);
        entityManager.flush();
        changes.fire(new ApisChanged());
        return new Outcome.Done<>(api);
    }

    public Outcome<Api> change(String id, ApiForm form, long expectedVersion, String actor) {
        return audit.audited(actor, "api.change", String.valueOf(id), () -> changeUnaudited(id, form, expectedVersion));
    }

    private Outcome<Api> changeUnaudited(String id, ApiForm form, long expectedVersion) {
        Optional<Api> found = find(id);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("API " + id);
        }
        Api api = found.get();
        if (api.isBuiltIn()) {
            return new Outcome.Conflict<>(
                    "Built-in APIs cannot be changed: the Clavis administration API follows the issuer", List.of());
        }
        if (api.version() != expectedVersion) {
            return new Outcome.Stale<>();
        }
        List<FieldError> errors = checked(form);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        Optional<Api> holder = findByIdentifier(form.identifier());
        if (holder.isPresent() && !holder.get().id().equals(id)) {
            return identifierTaken(form.identifier());
        }
        apply(api, form);
        entityManager.flush();
        changes.fire(new ApisChanged());
        return new Outcome.Done<>(api);
    }

    /**
     * Removes an API. If applications are granted it, the removal is refused and names them, unless {@code force},
     * which first withdraws it from them; they get no more tokens for it.
     */
    public Outcome<Void> remove(String id, boolean force, String actor) {
        return audit.audited(actor, "api.delete", String.valueOf(id), () -> removeUnaudited(id, force));
    }

    private Outcome<Void> removeUnaudited(String id, boolean force) {
        Optional<Api> found = find(id);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("API " + id);
        }
        Api api = found.get();
        if (api.isBuiltIn()) {
            return new Outcome.Conflict<>("Built-in APIs cannot be deleted", List.of());
        }
        List<String> granted = grantees.of(id);
        if (!granted.isEmpty() && !force) {
            return new Outcome.Conflict<>(
                    "Applications may call this API; withdraw it from them first, or delete with force=true", granted);
        }
        grantees.withdrawEverywhere(api);
        entityManager.remove(api);
        entityManager.flush();
        changes.fire(new ApisChanged());
        return new Outcome.Done<>(null);
    }

    /** The rules, and that the introspecting client exists (the schema's foreign key would refuse it later). */
    private List<FieldError> checked(ApiForm form) {
        List<FieldError> errors = new ArrayList<>(ApiRules.check(form, roles.nameSet()));
        String client = introspectingClient(form);
        if (errors.isEmpty()
                && client != null
                && entityManager
                        .createNativeQuery("SELECT 1 FROM application WHERE client_id = ?1")
                        .setParameter(1, client)
                        .getResultList()
                        .isEmpty()) {
            errors.add(new FieldError("introspectingClient", "No application has this client ID"));
        }
        return errors;
    }

    private static String introspectingClient(ApiForm form) {
        String client = form.introspectingClient();
        return client == null || client.isEmpty() ? null : client;
    }

    private void apply(Api api, ApiForm form) {
        api.change(
                form.identifier(),
                form.displayName(),
                ApiRules.tokenFormat(form.tokenFormat()).orElseThrow(),
                form.accessTokenLifetimeSeconds(),
                form.enabled() == null || form.enabled(),
                Boolean.TRUE.equals(form.everyRole()),
                form.signingAlgorithm() == null || form.signingAlgorithm().isEmpty() ? null : form.signingAlgorithm(),
                rolesNamed(form.roles()));
        api.introspectedBy(introspectingClient(form));
    }

    private Set<Role> rolesNamed(List<String> names) {
        Set<Role> found = new HashSet<>();
        if (names != null) {
            names.stream()
                    .map(name -> entityManager.find(Role.class, name))
                    .filter(Objects::nonNull)
                    .forEach(found::add);
        }
        return found;
    }

    private static Outcome<Api> identifierTaken(String identifier) {
        return new Outcome.Conflict<>(
                "Another API already has this identifier; an identifier names one API", List.of(identifier));
    }

    private static String auditTarget(ApiForm form) {
        return form.identifier() == null ? "null" : form.identifier();
    }

    private static boolean isPlausibleId(String id) {
        return id != null && id.matches("[a-z0-9-]{3,32}");
    }

    /** 96 random bits in lower-case hex: an ID for the admin API's paths, unrelated to the identifier. */
    private static String newId() {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
