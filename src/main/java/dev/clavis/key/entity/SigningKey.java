package dev.clavis.key.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A key pair that signs access tokens. The public half is stored as a JWK; the private half only encrypted under the
 * key-encryption key from configuration (a JWE, see {@code PrivateKeyCipher}).
 */
@Entity
@Table(name = "signing_key")
@NamedQuery(
        name = SigningKey.FIND_PUBLISHED,
        query =
                "SELECT k FROM SigningKey k WHERE k.state <> dev.clavis.key.entity.KeyState.RETIRED ORDER BY k.createdAt")
public class SigningKey {

    public static final String FIND_PUBLISHED = "SigningKey.findPublished";

    @Id
    private String kid;

    @Column(nullable = false)
    private String algorithm;

    @Column(name = "public_jwk", nullable = false)
    private String publicJwk;

    @Column(name = "private_jwk_encrypted", nullable = false)
    private String privateJwkEncrypted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "activated_at")
    private Instant activatedAt;

    protected SigningKey() {
        // for JPA
    }

    /** A key that signs from now on. */
    public static SigningKey active(String kid, String algorithm, String publicJwk, String privateJwkEncrypted) {
        SigningKey key = new SigningKey();
        key.kid = Objects.requireNonNull(kid);
        key.algorithm = Objects.requireNonNull(algorithm);
        key.publicJwk = Objects.requireNonNull(publicJwk);
        key.privateJwkEncrypted = Objects.requireNonNull(privateJwkEncrypted);
        key.state = KeyState.ACTIVE;
        key.createdAt = Instant.now();
        key.activatedAt = key.createdAt;
        return key;
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

    public KeyState state() {
        return state;
    }
}
