package dev.clavis.application.control;

import dev.clavis.application.entity.Application;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.role.control.RoleHolders;
import dev.clavis.role.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The applications' side of a role's life: who holds it, and withdrawing it from all of them before it goes. */
@ApplicationScoped
public class ApplicationRoleHolders implements RoleHolders {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    Event<ClientsChanged> changes;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> of(String roleName) {
        return holders(roleName).stream().map(Application::clientId).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawEverywhere(Role role) {
        for (Application holder : holders(role.name())) {
            holder.withdraw(role);
            changes.fire(ClientsChanged.of(holder.clientId()));
        }
        entityManager.flush(); // the links go before the role they point to
    }

    private List<Application> holders(String roleName) {
        return entityManager
                .createNamedQuery(Application.FIND_BY_ROLE, Application.class)
                .setParameter("role", roleName)
                .getResultList();
    }
}
