package dev.clavis.key.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A key pair that signs access tokens. The public half is stored as a JWK; the private half only encrypted under the
 * key-encryption key from configuration (a JWE, see {@code PrivateKeyCipher}). When it is published, signs and
 * retires follows from its instants ({@code KeySchedule}), written when it is made.
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(name = SigningKey.FIND_ALL, query = "SELECT k FROM SigningKey k ORDER BY k.activeFrom")
public class SigningKey {

    public static final String FIND_ALL = "SigningKey.findAll";

    @Id
    private String kid;

    @Column(nullable = false)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_jwk_encrypted", nullable = false)
    private String privateJwkEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "active_from", nullable = false)
    private Instant activeFrom;

    @Column(name = "retires_at")
    private Instant retiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected SigningKey() {
        // for JPA
    }

    /** A key published from now on, that signs from {@code activeFrom} until {@code retiresAt}. */
    public SigningKey(
            String kid,
            String algorithm,
            String publicJwk,
            String privateJwkEncrypted,
            Instant createdAt,
            Instant activeFrom,
            Instant retiresAt) {
        this.kid = Objects.requireNonNull(kid);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.publicJwk = Objects.requireNonNull(publicJwk);
        this.privateJwkEncrypted = Objects.requireNonNull(privateJwkEncrypted);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.activeFrom = Objects.requireNonNull(activeFrom);
        this.retiresAt = Objects.requireNonNull(retiresAt);
    }

    /** Moves when it signs: a planned rotation, or promotion in place of a revoked key. */
    public void scheduleFor(Instant activeFrom, Instant retiresAt) {
        if (retiresAt.isBefore(activeFrom)) {
            throw new IllegalArgumentException("A key retires after it starts signing");
        }
        this.activeFrom = activeFrom;
        this.retiresAt = retiresAt;
    }

    public void retireAt(Instant retiresAt) {
        this.retiresAt = retiresAt.isBefore(activeFrom) ? activeFrom : retiresAt;
    }

    /** Unpublished at once: for a key that may be compromised. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** After a change of the key-encryption key. */
    public void reencrypt(String privateJwkEncrypted) {
        this.privateJwkEncrypted = Objects.requireNonNull(privateJwkEncrypted);
    }

    public String kid() {
        return kid;
    }

    public String algorithm() {
        return algorithm;
    }

    public String publicJwk() {
        return publicJwk;
    }

    public String privateJwkEncrypted() {
        return privateJwkEncrypted;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant activeFrom() {
        return activeFrom;
    }

    public Instant retiresAt() {
        return retiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
