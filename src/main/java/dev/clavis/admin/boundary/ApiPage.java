package dev.clavis.admin.boundary;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.entity.Api;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One API: change it (against the version that was shown, like an {@code If-Match}), or delete it after a
 * confirmation that names the applications that may call it. A built-in API is shown read-only. Loaded with
 * {@code f:viewParam id} and {@code f:viewAction}.
 */
@Named
@ViewScoped
public class ApiPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/admin/api";
    static final String LIST = "/admin/apis";
    static final String FORM = "api";

    @Inject
    transient ApiCatalog catalog;

    @Inject
    transient AdminSession session;

    private String id;
    private boolean found;
    private boolean builtIn;
    private long version;
    private String savedDisplayName;
    private String savedIdentifier;
    private ApiFields fields = new ApiFields();
    private List<String> grantees = List.of();
    /** While the deletion waits for its confirmation: the applications it named. */
    private List<String> confirmingFor;

    public void load() {
        Optional<Api> api = catalog.find(id);
        found = api.isPresent();
        api.ifPresent(this::show);
    }

    private void show(Api api) {
        builtIn = api.isBuiltIn();
        version = api.version();
        savedDisplayName = api.displayName();
        savedIdentifier = api.identifier();
        fields = ApiFields.of(api);
        grantees = catalog.grantees(api.id());
    }

    @Transactional
    public String save() {
        fields.valueOrShowErrors(catalog.change(id, fields.form(), version, session.actor()), FORM)
                .ifPresent(changed -> {
                    show(changed);
                    Messages.info("Changes saved. Tokens issued from now on follow them.");
                });
        return null;
    }

    /** Shows the confirmation, naming the applications that may call the API now. */
    public void askToDelete() {
        confirmingFor = catalog.grantees(id);
    }

    public void cancelDelete() {
        confirmingFor = null;
    }

    /**
     * Deletes the API, withdrawing it from the applications the confirmation named. If others were granted it since,
     * the administrator is asked again with the new list rather than having them withdrawn unseen.
     */
    @Transactional
    public String delete() {
        if (confirmingFor == null) {
            return null;
        }
        List<String> now = catalog.grantees(id);
        if (!confirmingFor.containsAll(now)) {
            confirmingFor = now;
            Messages.error(
                    "More applications were granted this API since you asked; check the list and confirm" + " again.");
            return null;
        }
        confirmingFor = null;
        if (!Messages.doneOrShowErrors(catalog.remove(id, !now.isEmpty(), session.actor()), FORM)) {
            return null;
        }
        Messages.info("API " + savedDisplayName + " is deleted."
                + (now.isEmpty() ? "" : " It was withdrawn from " + String.join(", ", now) + "."));
        Messages.keepForRedirect();
        return LIST + "?faces-redirect=true";
    }

    /** For a missing API: back to the list, which says so. The ID is not repeated: it may be anything. */
    public void redirectIfMissing() throws IOException {
        if (!found) {
            Messages.error("There is no such API; it may have been deleted.");
            Messages.keepForRedirect();
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + LIST + ".xhtml");
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public String getSavedDisplayName() {
        return savedDisplayName;
    }

    public String getSavedIdentifier() {
        return savedIdentifier;
    }

    public ApiFields getFields() {
        return fields;
    }

    public List<String> getGrantees() {
        return grantees;
    }

    public boolean isConfirmingDelete() {
        return confirmingFor != null;
    }

    public List<String> getConfirmingFor() {
        return confirmingFor == null ? List.of() : confirmingFor;
    }
}
