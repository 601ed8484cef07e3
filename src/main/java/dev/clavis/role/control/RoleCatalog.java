package dev.clavis.role.control;

import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reads the roles that exist. */
@ApplicationScoped
public class RoleCatalog {

    @PersistenceContext
    EntityManager entityManager;

    public List<String> names() {
        return entityManager.createNamedQuery(Role.FIND_ALL, Role.class).getResultList().stream()
                .map(Role::name)
                .toList();
    }
}
