package dev.clavis.application.control;

import dev.clavis.api.control.ApiGrantees;
import dev.clavis.api.entity.Api;
import dev.clavis.application.entity.Application;
import dev.clavis.platform.control.ClientsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The applications' side of an API's life: who may call it, and withdrawing it from all of them before it goes. */
@ApplicationScoped
public class ApplicationApiGrantees implements ApiGrantees {

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    Event<ClientsChanged> changes;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> of(String apiId) {
        return granted(apiId).stream().map(Application::clientId).toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawEverywhere(Api api) {
        for (Application grantee : granted(api.id())) {
            grantee.withdrawApi(api);
            changes.fire(ClientsChanged.of(grantee.clientId()));
        }
        entityManager.flush(); // the links go before the API they point to
    }

    private List<Application> granted(String apiId) {
        return entityManager
                .createNamedQuery(Application.FIND_BY_API, Application.class)
                .setParameter("api", apiId)
                .getResultList();
    }
}
