package dev.clavis.application.entity;

import dev.clavis.api.entity.Api;
import dev.clavis.platform.control.SecretDigests;
import dev.clavis.platform.control.SecretGenerator;
import dev.clavis.role.entity.Role;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered application: an OAuth client (RFC 6749 §2) that authenticates with a client ID and secret and may
 * use the client credentials flow to obtain tokens carrying its roles.
 */
@Entity
@Table(name = "application")
@NamedQuery(name = Application.FIND_ALL, query = "SELECT a FROM Application a ORDER BY a.clientId")
@NamedQuery(
        name = Application.FIND_BY_ROLE,
        query = "SELECT a FROM Application a JOIN a.roles r WHERE r.name = :role ORDER BY a.clientId")
@NamedQuery(
        name = Application.FIND_BY_API,
        query = "SELECT a FROM Application a JOIN a.apis p WHERE p.id = :api ORDER BY a.clientId")
public class Application {

    public static final String FIND_ALL = "Application.findAll";
    public static final String FIND_BY_API = "Application.findByApi";
    public static final String FIND_BY_ROLE = "Application.findByRole";

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type", nullable = false)
    private ClientType type;

    @Column(name = "client_credentials_flow", nullable = false)
    private boolean clientCredentialsFlow;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "access_token_lifetime_seconds")
    private Integer accessTokenLifetimeSeconds;

    @ManyToMany
    @JoinTable(
            name = "application_role",
            joinColumns = @JoinColumn(name = "client_id"),
            inverseJoinColumns = @JoinColumn(name = "role_name"))
    private Set<Role> roles = new HashSet<>();

    @ManyToMany
    @JoinTable(
            name = "application_api",
            joinColumns = @JoinColumn(name = "client_id"),
            inverseJoinColumns = @JoinColumn(name = "api_id"))
    private Set<Api> apis = new HashSet<>();

    /** Which granted API a token request without a target is for; none needed while only one is granted. */
    @ManyToOne
    @JoinColumn(name = "default_api_id")
    private Api defaultApi;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ClientSecret> secrets = new ArrayList<>();

    /** "Revoke all tokens": every token issued up to this instant is no longer active; null when never revoked. */
    @Column(name = "tokens_revoked_before")
    private Instant tokensRevokedBefore;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Application() {
        // for JPA
    }

    /** A confidential client with the client credentials flow allowed and enabled, as the seeds register one. */
    public Application(String clientId, String displayName) {
        this.clientId = Objects.requireNonNull(clientId);
        this.displayName = Objects.requireNonNull(displayName);
        this.type = ClientType.CONFIDENTIAL;
        this.clientCredentialsFlow = true;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Adds a secret that Clavis generates now (256 random bits, stored as a keyed digest): the usual way.
     *
     * @param expiresAt when it stops working, or null for never
     * @return the secret's clear value, for the one response that shows it, and what is stored
     */
    public AddedSecret addGeneratedSecret(SecretDigests digests, Instant expiresAt) {
        String clear = SecretGenerator.newSecret();
        return new AddedSecret(clear, add(clear, digests.ofGenerated(clear), expiresAt));
    }

    /** Adds a secret an administrator typed (stored as a slow hash, since it may be weaker than it looks). */
    public AddedSecret addTypedSecret(String clearSecret, SecretDigests digests, Instant expiresAt) {
        return new AddedSecret(clearSecret, add(clearSecret, digests.ofTyped(clearSecret), expiresAt));
    }

    /** A secret just added: the only moment its clear value exists outside the client. */
    public record AddedSecret(String clearSecret, ClientSecret stored) {

        @Override
        public String toString() {
            return "AddedSecret[secretId=" + stored.id() + "]";
        }
    }

    private ClientSecret add(String clearSecret, String digest, Instant expiresAt) {
        ClientSecret secret =
                new ClientSecret(SecretGenerator.newId(), this, digest, SecretGenerator.hintOf(clearSecret), expiresAt);
        secrets.add(secret);
        touch();
        return secret;
    }

    public void grant(Role role) {
        roles.add(role);
        touch();
    }

    public void withdraw(Role role) {
        if (roles.remove(role)) {
            touch();
        }
    }

    /**
     * Replaces the APIs the application may call.
     *
     * @param defaultApi the one a token request without a target is for, among them; null when there is one or none
     */
    public void callApis(Set<Api> apis, Api defaultApi) {
        if (defaultApi != null && !apis.contains(defaultApi)) {
            throw new IllegalArgumentException("The default API must be one of the granted APIs");
        }
        Set<Api> granted = Set.copyOf(apis); // may be a view of this.apis
        this.apis.clear();
        this.apis.addAll(granted);
        this.defaultApi = defaultApi;
        touch();
    }

    public void grantApi(Api api) {
        apis.add(api);
        touch();
    }

    public void withdrawApi(Api api) {
        if (apis.remove(api)) {
            if (api.equals(defaultApi)) {
                defaultApi = null;
            }
            touch();
        }
    }

    /** Replaces what an administrator can change; the client ID is fixed for life. */
    public void change(
            String displayName,
            ClientType type,
            boolean clientCredentialsFlow,
            boolean enabled,
            Integer accessTokenLifetimeSeconds,
            Set<Role> roles) {
        this.displayName = Objects.requireNonNull(displayName);
        this.type = Objects.requireNonNull(type);
        this.clientCredentialsFlow = clientCredentialsFlow;
        this.enabled = enabled;
        this.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
        this.roles.clear();
        this.roles.addAll(roles);
        touch();
    }

    /** @return whether a secret with that ID exists (revoking twice is harmless) */
    public boolean revokeSecret(String secretId) {
        for (ClientSecret secret : secrets) {
            if (secret.id().equals(secretId)) {
                secret.revoke();
                touch();
                return true;
            }
        }
        return false;
    }

    /** Revokes every token issued to the application up to {@code now} (RFC 7009 §2.1 leaves the extent open). */
    public void revokeTokens(Instant now) {
        tokensRevokedBefore = now;
        touch();
    }

    public Instant tokensRevokedBefore() {
        return tokensRevokedBefore;
    }

    public long activeSecretCount(Instant now) {
        return secrets.stream().filter(secret -> secret.isActive(now)).count();
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public String clientId() {
        return clientId;
    }

    public String displayName() {
        return displayName;
    }

    public ClientType type() {
        return type;
    }

    public boolean isClientCredentialsFlow() {
        return clientCredentialsFlow;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Integer accessTokenLifetimeSeconds() {
        return accessTokenLifetimeSeconds;
    }

    public Set<Api> apis() {
        return Collections.unmodifiableSet(apis);
    }

    public Api defaultApi() {
        return defaultApi;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
    }

    public List<ClientSecret> secrets() {
        return Collections.unmodifiableList(secrets);
    }
}
