package dev.clavis.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a request comes from, as far as Clavis can tell: the peer's address, or, when the peer is one of the
 * proxies named in {@code clavis.trusted-proxies}, the address that proxy reports in {@code X-Forwarded-For}
 * (the nearest entry that is not itself a trusted proxy). A header from anyone else is never believed, so a
 * client cannot choose the address its failures are counted against. The value is an IP literal of bounded
 * length, safe to use as a map key or to store.
 */
@ApplicationScoped
public class ClientAddress {

    static final int MAX_LENGTH = 45; // the longest textual IPv6 address
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2," + MAX_LENGTH + "}");
    private static final int MAX_HOPS = 20;

    private Set<String> trustedProxies = Set.of();

    public ClientAddress() {}

    ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @PostConstruct
    void init() {
        // Read here rather than injected: Payara's config producer cannot inject Optional<List<String>>.
        trustedProxies =
                ConfigProvider.getConfig()
                        .getOptionalValues("clavis.trusted-proxies", String.class)
                        .orElse(List.of())
                        .stream()
                        .map(String::strip)
                        .filter(proxy -> !proxy.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }

    String resolve(String peer, List<String> forwardedHeaders) {
        String address = literalOr(peer, "unknown");
        if (!trustedProxies.contains(address) || forwardedHeaders.isEmpty()) {
            return address;
        }
        List<String> hops = forwardedHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(",", MAX_HOPS + 1)))
                .map(String::strip)
                .toList();
        // The rightmost entries were added by our own proxies; the first one that is not ours is the client.
        for (int i = hops.size() - 1; i >= 0 && i >= hops.size() - MAX_HOPS; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                return address; // a garbled chain: trust only what we saw ourselves
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return address;
    }

    private static String literalOr(String value, String fallback) {
        return value != null && IP_LITERAL.matcher(value).matches() ? value : fallback;
    }
}
