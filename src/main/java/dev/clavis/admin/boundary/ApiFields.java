package dev.clavis.admin.boundary;

import dev.clavis.api.control.ApiForm;
import dev.clavis.api.entity.Api;
import dev.clavis.api.entity.TokenFormat;
import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Outcome;
import dev.clavis.role.entity.Role;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the API forms (Add an API, and an API's page) hold while an administrator types, and the {@link ApiForm} it
 * makes. The field names are those of {@code ApiRules}, so that each rule's message lands next to its field.
 */
public class ApiFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String identifier;
    private String displayName;
    private List<String> roles = new ArrayList<>();
    private boolean everyRole;
    private String tokenFormat = TokenFormat.RFC9068.name();
    private Integer accessTokenLifetimeSeconds;
    private boolean enabled = true;
    private String signingAlgorithm = "";
    private String introspectingClient;

    static ApiFields of(Api api) {
        ApiFields fields = new ApiFields();
        fields.identifier = api.identifier();
        fields.displayName = api.displayName();
        fields.roles =
                new ArrayList<>(api.roles().stream().map(Role::name).sorted().toList());
        fields.everyRole = api.understandsEveryRole();
        fields.tokenFormat = api.tokenFormat().name();
        fields.accessTokenLifetimeSeconds = api.accessTokenLifetimeSeconds();
        fields.enabled = api.isEnabled();
        fields.signingAlgorithm = api.signingAlgorithm() == null ? "" : api.signingAlgorithm();
        fields.introspectingClient = api.introspectingClientId();
        return fields;
    }

    /** The form to submit. Surrounding spaces of a pasted identifier are dropped: no identifier can hold a space. */
    ApiForm form() {
        return new ApiForm(
                identifier == null ? null : identifier.strip(),
                displayName,
                List.copyOf(roles),
                everyRole,
                tokenFormat,
                accessTokenLifetimeSeconds,
                enabled,
                signingAlgorithm,
                introspectingClient == null ? null : introspectingClient.strip());
    }

    /**
     * Like {@link Messages#valueOrShowErrors}, but an identifier another API has is shown next to the identifier field:
     * that is the one conflict an add or a change of an ordinary API can meet.
     */
    Optional<Api> valueOrShowErrors(Outcome<Api> outcome, String formId) {
        if (outcome instanceof Outcome.Conflict<Api> conflict
                && conflict.details().size() == 1
                && conflict.details().get(0).equals(form().identifier())) {
            Messages.fieldErrors(List.of(new FieldError("identifier", conflict.reason())), formId);
            return Optional.empty();
        }
        return Messages.valueOrShowErrors(outcome, formId);
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
    }

    public boolean isEveryRole() {
        return everyRole;
    }

    public void setEveryRole(boolean everyRole) {
        this.everyRole = everyRole;
    }

    public String getTokenFormat() {
        return tokenFormat;
    }

    public void setTokenFormat(String tokenFormat) {
        this.tokenFormat = tokenFormat;
    }

    public Integer getAccessTokenLifetimeSeconds() {
        return accessTokenLifetimeSeconds;
    }

    public void setAccessTokenLifetimeSeconds(Integer accessTokenLifetimeSeconds) {
        this.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
    }

    public String getIntrospectingClient() {
        return introspectingClient;
    }

    public void setIntrospectingClient(String introspectingClient) {
        this.introspectingClient = introspectingClient;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getSigningAlgorithm() {
        return signingAlgorithm;
    }

    public void setSigningAlgorithm(String signingAlgorithm) {
        this.signingAlgorithm = signingAlgorithm;
    }
}
