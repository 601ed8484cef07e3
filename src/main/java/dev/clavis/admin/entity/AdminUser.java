package dev.clavis.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the admin pages. Only a slow, salted hash of the password is kept. */
@Entity
@Table(name = "admin_user")
public class AdminUser {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected AdminUser() {
        // for JPA
    }

    public AdminUser(String username, String passwordHash) {
        this.username = Objects.requireNonNull(username);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.updatedAt = Instant.now();
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }
}
