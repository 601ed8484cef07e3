package dev.clavis.role.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A permission an application can hold. Its name is also an OAuth scope value (RFC 6749 §3.3), so it is limited to
 * lower-case letters, digits, {@code .}, {@code -} and {@code _}.
 */
@Entity
@Table(name = "role")
@NamedQuery(name = Role.FIND_ALL, query = "SELECT r FROM Role r ORDER BY r.name")
public class Role {

    public static final String FIND_ALL = "Role.findAll";

    @Id
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Role() {
        // for JPA
    }

    public Role(String name, String description, boolean builtIn) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.builtIn = builtIn;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Built-in roles are part of Clavis and cannot be changed. */
    public void changeDescription(String description) {
        if (builtIn) {
            throw new IllegalStateException("Built-in role " + name + " cannot be changed");
        }
        this.description = Objects.requireNonNull(description);
        this.updatedAt = Instant.now();
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public boolean isBuiltIn() {
        return builtIn;
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
}
