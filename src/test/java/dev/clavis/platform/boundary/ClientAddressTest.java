package dev.clavis.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxy = new ClientAddress(Set.of("10.0.0.2", "10.0.0.3"));
    private final ClientAddress direct = new ClientAddress(Set.of());

    @Test
    void resolveWhenNoProxyTrustedThenForwardedHeaderIgnored() {
        assertEquals("203.0.113.9", direct.resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void resolveWhenPeerIsNotATrustedProxyThenForwardedHeaderIgnored() {
        assertEquals("203.0.113.9", behindProxy.resolve("203.0.113.9", List.of("198.51.100.1")));
    }

    @Test
    void resolveWhenTrustedProxyThenNearestUntrustedHop() {
        assertEquals(
                "198.51.100.7",
                behindProxy.resolve("10.0.0.2", List.of("1.2.3.4, 198.51.100.7, 10.0.0.3")),
                "a client-written first entry does not count");
    }

    @Test
    void resolveWhenSeveralHeadersThenReadInOrder() {
        assertEquals("2001:db8::1", behindProxy.resolve("10.0.0.2", List.of("1.2.3.4", "2001:db8::1")));
    }

    @Test
    void resolveWhenChainGarbledThenThePeer() {
        assertEquals("10.0.0.2", behindProxy.resolve("10.0.0.2", List.of("1.2.3.4, <script>")));
        assertEquals("10.0.0.2", behindProxy.resolve("10.0.0.2", List.of("x".repeat(100_000))));
    }

    @Test
    void resolveWhenOnlyTrustedHopsThenThePeer() {
        assertEquals("10.0.0.2", behindProxy.resolve("10.0.0.2", List.of("10.0.0.3")));
    }

    @Test
    void resolveWhenPeerNotAnAddressThenUnknown() {
        assertEquals("unknown", direct.resolve("not an address", List.of()));
    }
}
