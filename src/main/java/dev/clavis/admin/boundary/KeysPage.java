package dev.clavis.admin.boundary;

import dev.clavis.key.control.KeyConfiguration;
import dev.clavis.key.control.KeyMaintenance;
import dev.clavis.key.control.KeyPolicy;
import dev.clavis.key.control.KeySchedule;
import dev.clavis.key.control.SigningKeys;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Security / OpenID Connect / Signing keys: the keys that sign access tokens with their schedule (never any part of
 * a private key), the rotation settings, and the two rotations an administrator can ask for, each after a
 * confirmation that names the keys it changes: Rotate now (planned) and Replace now (emergency).
 */
@Named
@ViewScoped
public class KeysPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "actions";

    /** A key as the page lists it: its schedule, in words. */
    public record Row(
            String kid,
            String algorithm,
            String phase,
            String state,
            String createdAt,
            String activeFrom,
            String retiresAt)
            implements Serializable {}

    /** A rotation setting with what it is for. */
    public record Setting(String name, String value, String meaning) implements Serializable {}

    /** The confirmation on show, with the keys it named, so that confirming changes only what the admin read. */
    private record Confirmation(boolean replace, String signingKid, String nextKid, String at)
            implements Serializable {}

    @Inject
    transient SigningKeys signingKeys;

    @Inject
    transient KeyMaintenance maintenance;

    @Inject
    transient KeyConfiguration configuration;

    @Inject
    transient AdminSession session;

    private List<Row> rows = List.of();
    private List<Setting> settings = List.of();
    private Confirmation confirmation;

    public void load() {
        KeyPolicy policy = configuration.policy();
        rows = statuses().stream()
                .map(key -> new Row(
                        key.kid(),
                        key.algorithm(),
                        key.phase().name(),
                        KeyDescriptions.state(key, policy),
                        KeyDescriptions.instant(key.createdAt()),
                        KeyDescriptions.instant(key.activeFrom()),
                        KeyDescriptions.instant(key.retiresAt())))
                .toList();
        settings = KeyDescriptions.settings(policy, configuration.algorithm());
    }

    /** By the instant each starts signing, the newest first, as an admin reads a schedule ahead. */
    private List<SigningKeys.KeyStatus> statuses() {
        return signingKeys.statuses().stream()
                .sorted(Comparator.comparing(SigningKeys.KeyStatus::activeFrom).reversed())
                .toList();
    }

    public void askToRotate() {
        Optional<SigningKeys.KeyStatus> next = inPhase(KeySchedule.Phase.NEXT);
        confirmation = new Confirmation(
                false,
                signingKid(),
                next.map(SigningKeys.KeyStatus::kid).orElse(null),
                next.map(this::safeRotation).map(KeyDescriptions::instant).orElse(null));
    }

    public void askToReplace() {
        confirmation = new Confirmation(
                true,
                signingKid(),
                inPhase(KeySchedule.Phase.NEXT).map(SigningKeys.KeyStatus::kid).orElse(null),
                null);
    }

    public void cancel() {
        confirmation = null;
    }

    // Not @Transactional: KeyMaintenance commits its change itself; the keys are read into memory after the commit,
    // as the admin API does.

    public String rotate() {
        if (changedSinceAsked()) {
            return null;
        }
        String retiring = confirmation.signingKid();
        String next = confirmation.nextKid();
        confirmation = null;
        Messages.valueOrShowErrors(maintenance.rotate(session.actor(), Optional.ofNullable(retiring)), FORM)
                .ifPresent(at -> {
                    signingKeys.load();
                    load();
                    Messages.info(
                            "Rotated: key " + next + " signs from " + KeyDescriptions.instant(at) + ". Key " + retiring
                                    + " stops signing then and stays published until every token it signed has expired, so no"
                                    + " token is refused.");
                });
        return null;
    }

    public String replace() {
        if (changedSinceAsked()) {
            return null;
        }
        String revoking = confirmation.signingKid();
        confirmation = null;
        Messages.valueOrShowErrors(maintenance.replace(session.actor(), Optional.ofNullable(revoking)), FORM)
                .ifPresent(revoked -> {
                    signingKeys.load();
                    load();
                    Messages.info("Key " + revoked + " is revoked and removed from the JWKS; key " + signingKid()
                            + " signs from now on. Tokens signed by " + revoked
                            + " stop validating at each resource server"
                            + " once it reads the JWKS again, within " + getJwksMaxAge()
                            + ": clients must get new tokens.");
                });
        return null;
    }

    /** Another admin, or the schedule, may have moved the keys since the confirmation named them. */
    private boolean changedSinceAsked() {
        if (confirmation == null) {
            Messages.error("Confirm first: use the button, then confirm.");
            return true;
        }
        String nextNow =
                inPhase(KeySchedule.Phase.NEXT).map(SigningKeys.KeyStatus::kid).orElse(null);
        if (!Objects.equals(confirmation.signingKid(), signingKid())
                || !Objects.equals(confirmation.nextKid(), nextNow)) {
            confirmation = null;
            load();
            Messages.error("The signing keys changed since you asked. Nothing was done: look at the keys again and"
                    + " start over.");
            return true;
        }
        return false;
    }

    private Instant safeRotation(SigningKeys.KeyStatus next) {
        return KeySchedule.safeRotation(
                new KeySchedule.Times(
                        next.kid(), next.createdAt(), next.activeFrom(), next.retiresAt(), next.revokedAt()),
                Instant.now(),
                configuration.policy());
    }

    private String signingKid() {
        return signingKeys.statuses().stream()
                .filter(key -> key.phase() == KeySchedule.Phase.ACTIVE)
                .max(Comparator.comparing(SigningKeys.KeyStatus::activeFrom))
                .map(SigningKeys.KeyStatus::kid)
                .orElse(null);
    }

    private Optional<SigningKeys.KeyStatus> inPhase(KeySchedule.Phase phase) {
        return signingKeys.statuses().stream()
                .filter(key -> key.phase() == phase)
                .findFirst();
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Setting> getSettings() {
        return settings;
    }

    public boolean isConfirmingRotate() {
        return confirmation != null && !confirmation.replace();
    }

    public boolean isConfirmingReplace() {
        return confirmation != null && confirmation.replace();
    }

    /** The key the confirmation names as signing now. */
    public String getConfirmSigningKid() {
        return confirmation == null ? null : confirmation.signingKid();
    }

    /** The next key the confirmation names, if there is one. */
    public String getConfirmNextKid() {
        return confirmation == null ? null : confirmation.nextKid();
    }

    /** When a rotation asked for now would let the next key sign. */
    public String getConfirmRotationAt() {
        return confirmation == null ? null : confirmation.at();
    }

    public String getJwksMaxAge() {
        return KeyDescriptions.duration(configuration.policy().jwksMaxAge());
    }

    public String getLeadTime() {
        return KeyDescriptions.duration(configuration.policy().lead());
    }

    /** Read when shown: a view-scoped bean is passivated with the session, an injected config value cannot be. */
    public String getJwksUri() {
        return ConfigProvider.getConfig().getValue("clavis.issuer", String.class) + "/oauth2/jwks";
    }
}
