package dev.clavis.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clavis.platform.boundary.PublicScheme;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictTransportSecurityTest {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void doFilterWhenIssuerIsHttpsThenHeaderSetBeforeTheRequestIsServed() throws Exception {
        filter("https://auth.example.com").doFilter(request(), response(), chain());

        assertEquals(Map.of("Strict-Transport-Security", "max-age=31536000"), headers);
        assertEquals(List.of("header Strict-Transport-Security", "served"), events);
    }

    @Test
    void doFilterWhenIssuerIsHttpsBehindAPathThenHeaderSet() throws Exception {
        filter("https://example.com/auth").doFilter(request(), response(), chain());

        assertEquals("max-age=31536000", headers.get("Strict-Transport-Security"));
    }

    @Test
    void doFilterWhenIssuerIsHttpThenNoHeaderAndRequestServed() throws Exception {
        filter("http://localhost:8080").doFilter(request(), response(), chain());

        assertTrue(headers.isEmpty(), headers.toString());
        assertEquals(List.of("served"), events);
    }

    private static StrictTransportSecurity filter(String issuer) {
        return new StrictTransportSecurity(new PublicScheme(issuer));
    }

    private FilterChain chain() {
        return (ServletRequest request, jakarta.servlet.ServletResponse response) -> events.add("served");
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(
                StrictTransportSecurityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(
                StrictTransportSecurityTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setHeader")) {
                        headers.put((String) args[0], (String) args[1]);
                        events.add("header " + args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
