package dev.clavis.admin.boundary;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.entity.Api;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;

/** Add an API: its identifier (the tokens' {@code aud}), name, roles, token format, lifetime; then its page. */
@Named
@ViewScoped
public class AddApiPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "add";

    @Inject
    transient ApiCatalog catalog;

    @Inject
    transient AdminSession session;

    private final ApiFields fields = new ApiFields();

    /** @return the new API's page, which confirms it; or null, to show this one again with the errors */
    @Transactional
    public String save() {
        return fields.valueOrShowErrors(catalog.create(fields.form(), session.actor()), FORM)
                .map(AddApiPage::added)
                .orElse(null);
    }

    private static String added(Api api) {
        Messages.info("API " + api.displayName() + " is added. Grant it to applications on their pages.");
        Messages.keepForRedirect();
        return ApiPage.PATH + "?faces-redirect=true&id=" + api.id();
    }

    public ApiFields getFields() {
        return fields;
    }
}
