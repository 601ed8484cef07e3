package dev.clavis.admin.boundary;

import dev.clavis.application.control.ApplicationCatalog;
import dev.clavis.application.control.ApplicationForm;
import dev.clavis.platform.control.Outcome;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Add an application, with the seeds' fields: Client ID, Display Name, Type, Client Secret, Flows and Client
 * Credentials Roles. After saving, the secret is shown once (see {@link RevealedSecret}) and the form is emptied.
 */
@Named
@ViewScoped
public class AddApplicationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "add";

    @Inject
    transient ApplicationCatalog catalog;

    @Inject
    transient AdminSession session;

    @Inject
    transient RevealedSecret revealed;

    private String clientId;
    private String displayName;
    private String type = "CONFIDENTIAL";
    private boolean generateSecret = true;
    private boolean clientCredentialsFlow = true;
    private List<String> roles = new ArrayList<>();
    /** The entered secret lives only until the request that submits it ends; it is never saved with the view. */
    private transient String clientSecret;

    @Transactional
    public String save() {
        String entered = generateSecret ? null : (clientSecret == null ? "" : clientSecret);
        clientSecret = null;
        Outcome<ApplicationCatalog.NewSecret> outcome = catalog.register(
                new ApplicationForm(
                        clientId,
                        displayName,
                        type,
                        clientCredentialsFlow,
                        List.copyOf(roles),
                        null,
                        null,
                        true,
                        null,
                        entered),
                session.actor());
        Messages.valueOrShowErrors(outcome, FORM).ifPresent(this::registered);
        return null;
    }

    private void registered(ApplicationCatalog.NewSecret created) {
        revealed.reveal(created.application().clientId(), created.clearSecret());
        Messages.info("Application " + created.application().clientId() + " is registered.");
        clientId = null;
        displayName = null;
        roles = new ArrayList<>();
        generateSecret = true;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public boolean isGenerateSecret() {
        return generateSecret;
    }

    public void setGenerateSecret(boolean generateSecret) {
        this.generateSecret = generateSecret;
    }

    public boolean isClientCredentialsFlow() {
        return clientCredentialsFlow;
    }

    public void setClientCredentialsFlow(boolean clientCredentialsFlow) {
        this.clientCredentialsFlow = clientCredentialsFlow;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public String getClientSecret() {
        return null; // never rendered back into the page
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }
}
