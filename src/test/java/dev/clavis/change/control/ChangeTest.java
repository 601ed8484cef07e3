package dev.clavis.change.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.control.ApisChanged;
import dev.clavis.platform.control.ClientsChanged;
import dev.clavis.platform.control.KeysChanged;
import dev.clavis.platform.control.TokenRevoked;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTest {

    @Test
    void eventsWhenClientRowThenThatClientChanged() {
        Change row = Change.of(ClientsChanged.of("pos"));

        assertEquals(new Change("client", "pos"), row);
        assertEquals(List.of(ClientsChanged.of("pos")), row.events());
    }

    @Test
    void eventsWhenEveryClientRowThenEveryClientChanged() {
        List<Object> events = Change.of(ClientsChanged.all()).events();

        assertEquals(1, events.size());
        assertTrue(((ClientsChanged) events.get(0)).everyClient());
    }

    @Test
    void eventsWhenApisOrKeysRowThenTheSameEvent() {
        assertEquals(List.of(new ApisChanged()), Change.of(new ApisChanged()).events());
        assertEquals(List.of(new KeysChanged()), Change.of(new KeysChanged()).events());
    }

    @Test
    void eventsWhenTokenRowThenJtiAndExpiryBack() {
        TokenRevoked revoked = new TokenRevoked("a b:c-_1", Instant.ofEpochSecond(1_900_000_000L));

        Change row = Change.of(revoked);

        assertEquals("1900000000 a b:c-_1", row.subject());
        assertEquals(List.of(revoked), row.events());
    }

    @Test
    void eventsWhenTokenRowMalformedThenEverything() {
        for (String subject : new String[] {null, "", "jti", "1900000000", "1900000000 ", " jti", "soon jti"}) {
            assertEquals(Change.EVERYTHING, new Change("token", subject).events(), String.valueOf(subject));
        }
    }

    @Test
    void eventsWhenKindUnknownThenEverything() {
        assertEquals(Change.EVERYTHING, new Change("admin", "someone").events());
    }

    @Test
    void everythingWhenReadThenEveryCopyTheFeedKeeps() {
        assertTrue(Change.EVERYTHING.contains(ClientsChanged.all()));
        assertTrue(Change.EVERYTHING.contains(new ApisChanged()));
        assertTrue(Change.EVERYTHING.contains(new KeysChanged()));
    }
}
