package dev.clavis.admin.boundary;

import dev.clavis.api.control.ApiCatalog;
import dev.clavis.api.control.RegisteredApi;
import dev.clavis.api.entity.Api;
import dev.clavis.application.control.ApplicationCatalog;
import dev.clavis.application.control.ApplicationForm;
import dev.clavis.application.entity.Application;
import dev.clavis.application.entity.ClientSecret;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import dev.clavis.role.entity.Role;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Application details: change it (its roles and the APIs it may call), enable or disable it, delete it (after a
 * confirmation), add and revoke secrets (optionally with every token obtained until then), revoke all its tokens (after
 * a confirmation), and the "Connect your application" panel with the token request for each API.
 * The status line says what it can get a token for, or why it cannot (see {@link ApplicationStatus}). Loaded with
 * {@code f:viewParam clientId} and {@code f:viewAction}.
 */
@Named
@ViewScoped
public class ApplicationPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "details";
    static final String SECRET_FORM = "secrets";
    static final String TOKENS_FORM = "tokens";

    /** A secret as the page lists it: never its value. */
    public record SecretRow(String id, String hint, Instant createdAt, Instant expiresAt, boolean active)
            implements Serializable {}

    /** An API as a choice of the "APIs this application may call" checkboxes. */
    public record ApiChoice(String id, String label) implements Serializable {}

    @Inject
    transient ApplicationCatalog catalog;

    @Inject
    transient ApiCatalog apiCatalog;

    @Inject
    transient AdminSession session;

    @Inject
    transient RevealedSecret revealed;

    private String clientId;
    private boolean found;
    private long version;
    private String displayName;
    private String savedDisplayName;
    private boolean clientCredentialsFlow;
    private boolean enabled;
    private Integer accessTokenLifetimeSeconds;
    private List<String> roles = new ArrayList<>();
    private List<SecretRow> secrets = List.of();
    private List<String> apis = new ArrayList<>();
    private String defaultApi;
    private int savedApiCount;
    private List<ApiChoice> apiChoices = List.of();
    private ApplicationStatus status;
    private List<ConnectExamples> connections = List.of();
    private boolean confirmingDelete;
    private boolean confirmingRevokeTokens;
    private Instant tokensRevokedBefore;
    private String newSecretExpiry;
    private transient String newSecretValue;

    public void load() {
        Optional<Application> application = catalog.find(clientId);
        found = application.isPresent();
        application.ifPresent(this::show);
    }

    private void show(Application application) {
        Instant now = Instant.now();
        version = application.version();
        displayName = application.displayName();
        savedDisplayName = displayName;
        clientCredentialsFlow = application.isClientCredentialsFlow();
        enabled = application.isEnabled();
        accessTokenLifetimeSeconds = application.accessTokenLifetimeSeconds();
        tokensRevokedBefore = application.tokensRevokedBefore();
        roles = new ArrayList<>(
                application.roles().stream().map(Role::name).sorted().toList());
        secrets = application.secrets().stream().map(secret -> row(secret, now)).toList();
        apis = new ArrayList<>(application.apis().stream().map(Api::id).sorted().toList());
        savedApiCount = apis.size();
        defaultApi = application.defaultApi() == null
                ? null
                : application.defaultApi().id();
        apiChoices = apiCatalog.list().stream().map(ApplicationPage::choice).toList();
        status = ApplicationStatus.of(new ApplicationStatus.Facts(
                enabled,
                clientCredentialsFlow,
                secrets.stream().filter(SecretRow::active).count(),
                Set.copyOf(roles),
                application.apis().stream().map(RegisteredApi::of).toList(),
                defaultApi));
        String issuer = getIssuer();
        connections = status.targets().stream()
                .map(target -> ConnectExamples.of(target, clientId, issuer, getTokenEndpoint()))
                .toList();
    }

    private static ApiChoice choice(Api api) {
        String label = api.displayName() + " — " + api.identifier()
                + (api.isEnabled() ? "" : " (disabled)")
                + (api.understandsEveryRole()
                        ? ", every role"
                        : ", roles "
                                + api.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", ")));
        return new ApiChoice(api.id(), label);
    }

    private static SecretRow row(ClientSecret secret, Instant now) {
        return new SecretRow(secret.id(), secret.hint(), secret.createdAt(), secret.expiresAt(), secret.isActive(now));
    }

    @Transactional
    public String save() {
        return change(enabled, "Changes saved.");
    }

    @Transactional
    public String toggleEnabled() {
        return change(
                !enabled,
                enabled
                        ? "The application is disabled: its token requests are refused."
                        : "The application is enabled.");
    }

    private String change(boolean enable, String done) {
        Outcome<Application> outcome = catalog.change(
                clientId,
                new ApplicationForm(
                        clientId,
                        displayName,
                        "CONFIDENTIAL",
                        clientCredentialsFlow,
                        List.copyOf(roles),
                        List.copyOf(apis),
                        apis.size() > 1 && defaultApi != null && !defaultApi.isEmpty() ? defaultApi : null,
                        enable,
                        accessTokenLifetimeSeconds,
                        null),
                version,
                session.actor());
        Messages.valueOrShowErrors(outcome, FORM).ifPresent(changed -> {
            show(changed);
            Messages.info(done);
        });
        return null;
    }

    public void askToDelete() {
        confirmingDelete = true;
    }

    public void cancelDelete() {
        confirmingDelete = false;
    }

    @Transactional
    public String delete() {
        Outcome<Void> outcome = catalog.remove(clientId, Optional.of(version), session.actor());
        confirmingDelete = false;
        if (!Messages.doneOrShowErrors(outcome, FORM)) {
            return null;
        }
        Messages.info("Application " + clientId + " is deleted.");
        Messages.keepForRedirect();
        return AdminPageFilter.HOME + "?faces-redirect=true";
    }

    @Transactional
    public String addSecret() {
        // Taken out of the view-scoped bean first: a typed secret must not outlive this request, whatever the outcome.
        Optional<String> entered = Optional.ofNullable(newSecretValue).filter(value -> !value.isEmpty());
        newSecretValue = null;
        Optional<Instant> expiresAt = Optional.empty();
        if (newSecretExpiry != null && !newSecretExpiry.isBlank()) {
            try {
                expiresAt = Optional.of(
                        LocalDate.parse(newSecretExpiry.strip()).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                Messages.fieldErrors(
                        List.of(new FieldError("expiresAt", "Enter a date such as 2030-01-31")), SECRET_FORM);
                return null;
            }
        }
        Outcome<ApplicationCatalog.NewSecret> outcome =
                catalog.addSecret(clientId, entered, expiresAt, session.actor());
        Messages.valueOrShowErrors(outcome, SECRET_FORM).ifPresent(added -> {
            revealed.reveal(clientId, added.clearSecret());
            show(added.application());
            newSecretExpiry = null;
            Messages.info("A new secret is added. Move the client to it, then revoke the old one.");
        });
        return null;
    }

    public void askToRevokeTokens() {
        confirmingRevokeTokens = true;
    }

    public void cancelRevokeTokens() {
        confirmingRevokeTokens = false;
    }

    /** Revoke all tokens: every token issued to the application until now stops counting (introspection, APIs). */
    @Transactional
    public String revokeTokens() {
        Outcome<Application> outcome = catalog.revokeTokens(clientId, session.actor());
        confirmingRevokeTokens = false;
        Messages.valueOrShowErrors(outcome, TOKENS_FORM).ifPresent(changed -> {
            show(changed);
            Messages.info("Every token issued to " + clientId + " until now is revoked.");
        });
        return null;
    }

    /** Revokes a secret "and the tokens obtained with it": a token does not say which secret, so all of them. */
    @Transactional
    public String revokeWithTokens(String secretId) {
        Outcome<Application> outcome = catalog.revokeSecret(clientId, secretId, true, session.actor());
        Messages.valueOrShowErrors(outcome, SECRET_FORM).ifPresent(changed -> {
            show(changed);
            Messages.info("The secret ending in " + hintOf(secretId)
                    + " is revoked, and every token the application obtained until now.");
        });
        return null;
    }

    @Transactional
    public String revoke(String secretId) {
        Outcome<Application> outcome = catalog.revokeSecret(clientId, secretId, session.actor());
        Messages.valueOrShowErrors(outcome, SECRET_FORM).ifPresent(changed -> {
            show(changed);
            Messages.info("The secret ending in " + hintOf(secretId) + " is revoked.");
        });
        return null;
    }

    private String hintOf(String secretId) {
        return secrets.stream()
                .filter(s -> s.id().equals(secretId))
                .map(SecretRow::hint)
                .findFirst()
                .orElse("?");
    }

    /** For a missing application: back to the list, which says so. */
    public void redirectIfMissing() throws IOException {
        if (!found) {
            Messages.error("There is no application " + (clientId == null ? "" : clientId) + ".");
            Messages.keepForRedirect();
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + AdminPageFilter.HOME);
        }
    }

    public String getTokenEndpoint() {
        return getIssuer() + "/oauth2/token";
    }

    /** Read when shown: a view-scoped bean is passivated with the session, an injected config value cannot be. */
    public String getIssuer() {
        return ConfigProvider.getConfig().getValue("clavis.issuer", String.class);
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public boolean isFound() {
        return found;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The name as saved, for headings: not what is being typed. */
    public String getSavedDisplayName() {
        return savedDisplayName;
    }

    public boolean isClientCredentialsFlow() {
        return clientCredentialsFlow;
    }

    public void setClientCredentialsFlow(boolean clientCredentialsFlow) {
        this.clientCredentialsFlow = clientCredentialsFlow;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Integer getAccessTokenLifetimeSeconds() {
        return accessTokenLifetimeSeconds;
    }

    public void setAccessTokenLifetimeSeconds(Integer accessTokenLifetimeSeconds) {
        this.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public List<String> getApis() {
        return apis;
    }

    public void setApis(List<String> apis) {
        this.apis = apis == null ? new ArrayList<>() : new ArrayList<>(apis);
    }

    /** The API a token request that names none is for; empty for none. */
    public String getDefaultApi() {
        return defaultApi;
    }

    public void setDefaultApi(String defaultApi) {
        this.defaultApi = defaultApi;
    }

    /** Whether the saved application may call several APIs, when choosing a default matters. */
    public boolean isSeveralApis() {
        return savedApiCount > 1;
    }

    public List<ApiChoice> getApiChoices() {
        return apiChoices;
    }

    public ApplicationStatus getStatus() {
        return status;
    }

    public String getStatusText() {
        return status == null ? "" : status.text();
    }

    public boolean isCanObtainTokens() {
        return status != null && status.canObtainTokens();
    }

    public List<ConnectExamples> getConnections() {
        return connections;
    }

    public List<SecretRow> getSecrets() {
        return secrets;
    }

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public boolean isConfirmingRevokeTokens() {
        return confirmingRevokeTokens;
    }

    /** @return until when all its tokens were revoked, or null */
    public Instant getTokensRevokedBefore() {
        return tokensRevokedBefore;
    }

    public String getNewSecretExpiry() {
        return newSecretExpiry;
    }

    public void setNewSecretExpiry(String newSecretExpiry) {
        this.newSecretExpiry = newSecretExpiry;
    }

    public String getNewSecretValue() {
        return null; // never rendered back into the page
    }

    public void setNewSecretValue(String newSecretValue) {
        this.newSecretValue = newSecretValue;
    }
}
