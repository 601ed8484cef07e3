package dev.clavis.change.control;

import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.KeysChanged;
import dev.clavis.platform.control.TokenRevoked;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One row of the change feed as it is stored: what kind of copy is affected and which entry of it. Converts the change
 * events to rows and back; a row of a kind this version does not know (written by a newer one during a rolling
 * upgrade) stands for everything, since clearing too much is safe and keeping a stale copy is not.
 *
 * @param kind {@code client}, {@code apis}, {@code keys} or {@code token}
 * @param subject the client ID, or for a revoked token its expiry (epoch seconds), a space and its {@code jti}; null
 *     when the whole copy is affected
 */
public record Change(String kind, String subject) {

    static final String CLIENT = "client";
    static final String APIS = "apis";
    static final String KEYS = "keys";
    static final String TOKEN = "token";

    /** What may have changed while the feed was out of reach: every copy that the feed keeps current. */
    public static final List<Object> EVERYTHING = List.of(ClientsChanged.all(), new ApisChanged(), new KeysChanged());

    public static Change of(ClientsChanged change) {
        return new Change(CLIENT, change.clientId());
    }

    public static Change of(ApisChanged change) {
        return new Change(APIS, null);
    }

    public static Change of(KeysChanged change) {
        return new Change(KEYS, null);
    }

    public static Change of(TokenRevoked change) {
        return new Change(TOKEN, change.expiresAt().getEpochSecond() + " " + change.jti());
    }

    /** @return the events this row stands for, to fire on this instance */
    public List<Object> events() {
        Optional<Object> event =
                switch (kind) {
                    case CLIENT -> Optional.of(subject == null ? ClientsChanged.all() : ClientsChanged.of(subject));
                    case APIS -> Optional.of(new ApisChanged());
                    case KEYS -> Optional.of(new KeysChanged());
                    case TOKEN -> revoked();
                    default -> Optional.empty();
                };
        return event.map(List::of).orElse(EVERYTHING);
    }

    private Optional<Object> revoked() {
        int space = subject == null ? -1 : subject.indexOf(' ');
        if (space < 1 || space == subject.length() - 1) {
            return Optional.empty();
        }
        try {
            long expiresAt = Long.parseLong(subject.substring(0, space));
            return Optional.of(new TokenRevoked(subject.substring(space + 1), Instant.ofEpochSecond(expiresAt)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
