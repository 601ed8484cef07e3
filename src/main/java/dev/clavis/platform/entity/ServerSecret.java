package dev.clavis.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A secret of the server itself, stored only encrypted under the key-encryption key (a compact JWE). */
@Entity
@Table(name = "server_secret")
public class ServerSecret {

    @Id
    private String name;

    @Column(name = "value_encrypted", nullable = false)
    private String valueEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ServerSecret() {
        // for JPA
    }

    public ServerSecret(String name, String valueEncrypted) {
        this.name = Objects.requireNonNull(name);
        this.valueEncrypted = Objects.requireNonNull(valueEncrypted);
        this.createdAt = Instant.now();
    }

    /** After a change of the key-encryption key. */
    public void reencrypt(String valueEncrypted) {
        this.valueEncrypted = Objects.requireNonNull(valueEncrypted);
    }

    public String name() {
        return name;
    }

    public String valueEncrypted() {
        return valueEncrypted;
    }
}
