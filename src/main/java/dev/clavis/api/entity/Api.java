package dev.clavis.api.entity;

import dev.clavis.role.entity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API that applications get tokens for: a protected resource (RFC 8707) whose identifier is the tokens' {@code aud}.
 * A token for it carries only the roles it understands.
 */
@Entity
@Table(name = "api")
@NamedQuery(name = Api.FIND_ALL, query = "SELECT a FROM Api a ORDER BY a.displayName, a.identifier")
@NamedQuery(name = Api.FIND_BY_IDENTIFIER, query = "SELECT a FROM Api a WHERE a.identifier = :identifier")
public class Api {

    public static final String FIND_ALL = "Api.findAll";
    public static final String FIND_BY_IDENTIFIER = "Api.findByIdentifier";

    @Id
    private String id;

    @Column(nullable = false, unique = true)
    private String identifier;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_format", nullable = false)
    private TokenFormat tokenFormat;

    @Column(name = "access_token_lifetime_seconds")
    private Integer accessTokenLifetimeSeconds;

    /** The JWS algorithm its tokens are signed with, for a resource server that verifies only that one; null: any. */
    @Column(name = "signing_algorithm")
    private String signingAlgorithm;

    @Column(nullable = false)
    private boolean enabled;

    /** Understands every role but the administration role, also roles added later; {@link #roles} is then empty. */
    @Column(name = "every_role", nullable = false)
    private boolean everyRole;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    /** The client ID of the application that may introspect this API's tokens (RFC 7662), or null. */
    @Column(name = "introspecting_client_id")
    private String introspectingClientId;

    @ManyToMany
    @JoinTable(
            name = "api_role",
            joinColumns = @JoinColumn(name = "api_id"),
            inverseJoinColumns = @JoinColumn(name = "role_name"))
    private Set<Role> roles = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Api() {
        // for JPA
    }

    public Api(String id, String identifier, String displayName) {
        this.id = Objects.requireNonNull(id);
        this.identifier = Objects.requireNonNull(identifier);
        this.displayName = Objects.requireNonNull(displayName);
        this.tokenFormat = TokenFormat.RFC9068;
        this.enabled = true;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Replaces what an administrator can change. */
    public void change(
            String identifier,
            String displayName,
            TokenFormat tokenFormat,
            Integer accessTokenLifetimeSeconds,
            boolean enabled,
            boolean everyRole,
            String signingAlgorithm,
            Set<Role> roles) {
        this.identifier = Objects.requireNonNull(identifier);
        this.displayName = Objects.requireNonNull(displayName);
        this.tokenFormat = Objects.requireNonNull(tokenFormat);
        this.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds;
        this.enabled = enabled;
        this.everyRole = everyRole;
        this.signingAlgorithm = signingAlgorithm;
        this.roles.clear();
        if (!everyRole) {
            this.roles.addAll(roles);
        }
        touch();
    }

    /** @param clientId the application whose credentials the API's resource server introspects with, or null */
    public void introspectedBy(String clientId) {
        if (!Objects.equals(introspectingClientId, clientId)) {
            introspectingClientId = clientId;
            touch();
        }
    }

    public String introspectingClientId() {
        return introspectingClientId;
    }

    /** A built-in API's identifier follows configuration (the issuer); start-up writes it. */
    public void identifiedAs(String identifier) {
        if (!this.identifier.equals(identifier)) {
            this.identifier = identifier;
            touch();
        }
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    public String id() {
        return id;
    }

    public String identifier() {
        return identifier;
    }

    public String displayName() {
        return displayName;
    }

    public TokenFormat tokenFormat() {
        return tokenFormat;
    }

    public Integer accessTokenLifetimeSeconds() {
        return accessTokenLifetimeSeconds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Built-in APIs are part of Clavis: they cannot be deleted, and what they understand is fixed. */
    public boolean isBuiltIn() {
        return builtIn;
    }

    public String signingAlgorithm() {
        return signingAlgorithm;
    }

    public boolean understandsEveryRole() {
        return everyRole;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(roles);
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

    @Override
    public boolean equals(Object other) {
        return other instanceof Api api && id.equals(api.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
