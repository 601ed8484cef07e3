package dev.clavis.role.control;

import dev.clavis.audit.control.AuditTrail;
import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles that exist, and the changes an administrator may make to them: custom roles can be created, described
 * and removed; built-in ones are part of Clavis and stay as they are. Changes run in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RoleCatalog {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @Inject
    RoleHolders holders;

    @Inject
    Event<ApisChanged> apisChanged;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Role> list() {
        return entityManager.createNamedQuery(Role.FIND_ALL, Role.class).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> names() {
        return list().stream().map(Role::name).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> nameSet() {
        return list().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Role> find(String name) {
        return RoleRules.isValidName(name)
                ? Optional.ofNullable(entityManager.find(Role.class, name))
                : Optional.empty();
    }

    /** @return the client IDs of the applications that hold the role */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> holders(String name) {
        return holders.of(name);
    }

    public Outcome<Role> create(String name, String description, String actor) {
        return audit.audited(actor, "role.create", String.valueOf(name), () -> createUnaudited(name, description));
    }

    private Outcome<Role> createUnaudited(String name, String description) {
        List<FieldError> errors = RoleRules.check(name, description);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        if (entityManager.find(Role.class, name) != null) {
            return new Outcome.Conflict<>("A role with this name already exists", List.of(name));
        }
        Role role = new Role(name, description, false);
        entityManager.persist(role);
        entityManager.flush();
        return new Outcome.Done<>(role);
    }

    public Outcome<Role> changeDescription(String name, String description, long expectedVersion, String actor) {
        return audit.audited(
                actor, "role.change", name, () -> changeDescriptionUnaudited(name, description, expectedVersion));
    }

    private Outcome<Role> changeDescriptionUnaudited(String name, String description, long expectedVersion) {
        Optional<Role> found = find(name);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Role " + name);
        }
        Role role = found.get();
        if (role.isBuiltIn()) {
            return new Outcome.Conflict<>("Built-in roles cannot be changed", List.of());
        }
        if (role.version() != expectedVersion) {
            return new Outcome.Stale<>();
        }
        List<FieldError> errors = RoleRules.check(name, description);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid<>(errors);
        }
        role.changeDescription(description);
        entityManager.flush();
        return new Outcome.Done<>(role);
    }

    /**
     * Removes a custom role. If applications hold it, the removal is refused and names them, unless {@code force},
     * which first withdraws the role from them; their next tokens no longer carry it.
     */
    public Outcome<Void> remove(String name, boolean force, String actor) {
        return audit.audited(actor, "role.delete", name, () -> removeUnaudited(name, force));
    }

    private Outcome<Void> removeUnaudited(String name, boolean force) {
        Optional<Role> found = find(name);
        if (found.isEmpty()) {
            return new Outcome.NotFound<>("Role " + name);
        }
        Role role = found.get();
        if (role.isBuiltIn()) {
            return new Outcome.Conflict<>("Built-in roles cannot be deleted", List.of());
        }
        List<String> holding = holders.of(name);
        if (!holding.isEmpty() && !force) {
            return new Outcome.Conflict<>(
                    "Applications hold this role; remove it from them first, or delete with force=true", holding);
        }
        holders.withdrawEverywhere(role);
        entityManager.remove(role);
        entityManager.flush(); // the database takes the role from the APIs that understood it (ON DELETE CASCADE)
        apisChanged.fire(new ApisChanged());
        return new Outcome.Done<>(null);
    }
}
