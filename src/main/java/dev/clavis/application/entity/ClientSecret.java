package dev.clavis.application.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One secret of an application. Only a slow, salted hash is kept, plus the last four characters as a hint for
 * administrators; the secret itself is never stored.
 */
@Entity
@Table(name = "client_secret")
public class ClientSecret {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id")
    private Application application;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ClientSecret() {
        // for JPA
    }

    ClientSecret(String id, Application application, String secretHash, String hint, Instant expiresAt) {
        this.id = Objects.requireNonNull(id);
        this.application = Objects.requireNonNull(application);
        this.secretHash = Objects.requireNonNull(secretHash);
        this.hint = Objects.requireNonNull(hint);
        this.createdAt = Instant.now();
        this.expiresAt = expiresAt;
    }

    public void revoke() {
        if (revokedAt == null) {
            revokedAt = Instant.now();
        }
    }

    public boolean isActive(Instant now) {
        return isActive(revokedAt, expiresAt, now);
    }

    /** The one rule of a secret's life: it works until it is revoked or expires, whichever comes first. */
    public static boolean isActive(Instant revokedAt, Instant expiresAt, Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public String id() {
        return id;
    }

    public String secretHash() {
        return secretHash;
    }

    public String hint() {
        return hint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
