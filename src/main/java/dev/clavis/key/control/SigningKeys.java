package dev.clavis.key.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.clavis.key.entity.KeyState;
import dev.clavis.key.entity.SigningKey;
import dev.clavis.platform.control.ClusterLock;
import dev.clavis.platform.control.KeyEncryptionKeySource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys that sign access tokens, held in memory: the active key's signer, and the public JWK set that resource
 * servers fetch. Keys are created once, stored encrypted, and shared by every instance through the database.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    /** RFC 9068 §2.1: access tokens are typed {@code at+jwt}. */
    public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    /** The header types tokens are signed with: RFC 9068's, and plain {@code JWT} for MicroProfile JWT APIs. */
    private static final List<JOSEObjectType> TOKEN_TYPES = List.of(ACCESS_TOKEN_TYPE, JOSEObjectType.JWT);

    /** The active key's signer and a header for each token type, made once, not per token. */
    private record Active(JWSSigner signer, Map<String, JWSHeader> headers) {

        JWSHeader header(String type) {
            JWSHeader header = headers.get(type);
            if (header == null) {
                throw new IllegalArgumentException("No header for token type " + type);
            }
            return header;
        }

        JWSAlgorithm algorithm() {
            return header(ACCESS_TOKEN_TYPE.getType()).getAlgorithm();
        }
    }

    @PersistenceContext
    EntityManager entityManager;

    @Inject
    KeyEncryptionKeySource keyEncryptionKeySource;

    @Inject
    @ConfigProperty(name = "clavis.token.signing-algorithm", defaultValue = "RS256")
    String signingAlgorithm;

    private volatile Active active;
    private volatile byte[] publicJwks;

    /** Creates the first signing key if there is none. Safe when several instances start at once. */
    @Transactional
    public void ensureActiveKey() {
        ClusterLock.lockForBootstrap(entityManager);
        boolean hasActive = published().stream().anyMatch(key -> key.state() == KeyState.ACTIVE);
        if (hasActive) {
            return;
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(signingAlgorithm);
        JWK privateKey = KeyPairFactory.generate(algorithm);
        PrivateKeyCipher cipher = new PrivateKeyCipher(keyEncryptionKeySource.keyEncryptionKey());
        entityManager.persist(SigningKey.active(
                privateKey.getKeyID(),
                algorithm.getName(),
                privateKey.toPublicJWK().toJSONString(),
                cipher.encrypt(privateKey)));
        LOG.info(() -> "Generated signing key " + privateKey.getKeyID() + " (" + algorithm + ")");
    }

    /** Reads the published keys into memory: the active one's signer and the public JWK set. */
    @Transactional
    public void load() {
        List<SigningKey> keys = published();
        PrivateKeyCipher cipher = new PrivateKeyCipher(keyEncryptionKeySource.keyEncryptionKey());
        List<JWK> publicKeys = new ArrayList<>();
        Active signing = null;
        for (SigningKey key : keys) {
            publicKeys.add(parse(key.publicJwk()));
            if (key.state() == KeyState.ACTIVE) {
                JWK privateKey = cipher.decrypt(key.privateJwkEncrypted(), key.kid());
                Map<String, JWSHeader> headers = new HashMap<>();
                for (JOSEObjectType type : TOKEN_TYPES) {
                    headers.put(
                            type.getType(),
                            new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm()))
                                    .type(type)
                                    .keyID(key.kid())
                                    .build());
                }
                signing = new Active(KeyPairFactory.signer(privateKey), Map.copyOf(headers));
            }
        }
        if (signing == null) {
            throw new IllegalStateException("There is no active signing key");
        }
        this.publicJwks = new JWKSet(publicKeys).toString(true).getBytes(StandardCharsets.UTF_8);
        this.active = signing;
    }

    /** @param type the JOSE header {@code typ}: {@code at+jwt} or {@code JWT} */
    public String sign(JWTClaimsSet claims, String type) {
        Active current = active;
        SignedJWT jwt = new SignedJWT(current.header(type), claims);
        try {
            jwt.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return jwt.serialize();
    }

    public boolean isLoaded() {
        return active != null;
    }

    /** @return the JWK set of every published key, public parts only (RFC 7517 §5) */
    public byte[] publicJwks() {
        return publicJwks.clone();
    }

    /** @return the algorithms of the published keys, for discovery */
    public List<String> algorithms() {
        return List.of(active.algorithm().getName());
    }

    private List<SigningKey> published() {
        return entityManager
                .createNamedQuery(SigningKey.FIND_PUBLISHED, SigningKey.class)
                .getResultList();
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored public key is not a valid JWK", e);
        }
    }
}
