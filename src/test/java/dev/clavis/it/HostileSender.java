package dev.clavis.it;

import dev.clavis.it.HostileRequest.Flow;
import dev.clavis.it.HostileRequest.Header;
import dev.clavis.it.HostileRequest.Option;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a {@link HostileRequest}: with {@link HttpClient} when it can carry the request unchanged, over a raw socket
 * ({@link RawHttp}) when it cannot (restricted headers, control bytes, odd request lines, several headers of a kind
 * the client merges, bodies that lie about their length). Postbacks first fetch their page for a session and a view
 * state.
 */
final class HostileSender {

    private static final Set<String> RESTRICTED = Set.of(
            "host", "content-length", "connection", "expect", "upgrade", "transfer-encoding", "te", "http2-settings");
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private final URI base;
    private final String adminCookie;
    private final InetAddress local;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /**
     * @param adminCookie the signed-in administrator's {@code JSESSIONID=...}
     * @param local the local address raw requests come from, or null for the default
     */
    HostileSender(URI base, String adminCookie, InetAddress local) {
        this.base = base;
        this.adminCookie = adminCookie;
        this.local = local;
    }

    /** @return every answer read (more than one when the request was pipelined) */
    List<RawHttp.Response> send(HostileRequest request) {
        HostileRequest ready = prepare(request);
        if (ready == null) {
            return List.of(
                    new RawHttp.Response(-1, "the page before the postback had no view state", Map.of(), new byte[0]));
        }
        if (!ready.has(Option.RAW) && local == null) {
            HttpRequest built = httpClientRequest(ready);
            if (built != null) {
                return List.of(viaHttpClient(built));
            }
        }
        return RawHttp.exchange(
                base,
                local,
                rawBytes(ready),
                ready.method().equals("HEAD"),
                ready.has(Option.TRUNCATED),
                ready.has(Option.PIPELINED));
    }

    private HostileRequest prepare(HostileRequest request) {
        if (request.flow() == Flow.PLAIN) {
            return request;
        }
        List<Header> headers = new ArrayList<>(request.headers());
        byte[] body = request.body();
        if (request.flow() == Flow.ADMIN_SESSION) {
            headers.add(new Header("Cookie", adminCookie));
        } else {
            boolean admin = request.flow() == Flow.ADMIN_POSTBACK;
            RawHttp.Response page =
                    get(admin ? "/admin/add-application.xhtml" : "/admin/sign-in.xhtml", admin ? adminCookie : null);
            Matcher viewState = VIEW_STATE.matcher(page.text());
            if (page.status() != 200 || !viewState.find()) {
                return null;
            }
            String cookie = admin
                    ? adminCookie
                    : page.headers().getOrDefault("set-cookie", List.of()).stream()
                            .map(SESSION_COOKIE::matcher)
                            .filter(Matcher::find)
                            .map(m -> "JSESSIONID=" + m.group(1))
                            .findFirst()
                            .orElse(null);
            if (cookie != null) {
                headers.add(new Header("Cookie", cookie));
            }
            String encoded = URLEncoder.encode(viewState.group(1).replace("&#58;", ":"), StandardCharsets.UTF_8);
            body = new String(body, StandardCharsets.ISO_8859_1)
                    .replace("@VIEWSTATE@", encoded)
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return new HostileRequest(
                request.index(),
                request.endpoint(),
                request.what(),
                request.shape(),
                request.method(),
                request.target(),
                request.version(),
                List.copyOf(headers),
                body,
                Flow.PLAIN,
                request.options(),
                request.secrets());
    }

    /** A plain GET, from the same local address as the requests. */
    RawHttp.Response get(String path, String cookie) {
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host() + "\r\n");
        if (cookie != null) {
            head.append("Cookie: ").append(cookie).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return RawHttp.exchange(base, local, head.toString().getBytes(StandardCharsets.ISO_8859_1), false, false, false)
                .get(0);
    }

    private HttpRequest httpClientRequest(HostileRequest request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.target()))
                    .timeout(Duration.ofSeconds(30))
                    .method(
                            request.method(),
                            request.body().length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            Set<String> seen = new java.util.HashSet<>();
            for (Header header : request.headers()) {
                String name = header.name().toLowerCase(Locale.ROOT);
                if (header.value() == null
                        || RESTRICTED.contains(name)
                        || !seen.add(name)
                        || !printable(header.value())) {
                    return null;
                }
                builder.header(header.name(), header.value());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            return null; // HttpClient will not send it: the raw socket will
        }
    }

    private static boolean printable(String value) {
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private RawHttp.Response viaHttpClient(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new RawHttp.Response(response.statusCode(), "", headers, response.body());
        } catch (IOException e) {
            return RawHttp.Response.none();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] rawBytes(HostileRequest request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target());
        if (!request.version().isEmpty()) {
            head.append(' ').append(request.version());
        }
        head.append("\r\n");
        boolean host = false;
        boolean length = false;
        boolean connection = false;
        for (Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            host |= name.equals("host");
            length |= name.equals("content-length") || name.equals("transfer-encoding");
            connection |= name.equals("connection");
        }
        if (!host && !request.has(Option.NO_HOST)) {
            head.append("Host: ").append(host()).append("\r\n");
        }
        for (Header header : request.headers()) {
            head.append(header.name());
            if (header.value() != null) {
                head.append(": ").append(header.value());
            }
            head.append("\r\n");
        }
        boolean sendsBody = request.body().length > 0 && !request.has(Option.PIPELINED)
                || Set.of("POST", "PUT", "PATCH").contains(request.method());
        if (!length && sendsBody) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        if (!connection) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(request.body());
        return bytes.toByteArray();
    }

    private String host() {
        return base.getHost() + ":" + base.getPort();
    }
}
