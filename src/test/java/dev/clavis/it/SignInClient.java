package dev.clavis.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP/1.1 client for the sign-in page that connects from a chosen loopback address (Linux accepts any
 * 127/8 source), so that the server sees distinct client addresses; with its own cookie jar. One connection per
 * request, as plain as it gets: nothing is normalised or added behind the test's back.
 */
final class SignInClient {

    static final String SIGN_IN = "/admin/sign-in.xhtml";
    static final String FAILED = "Sign-in failed: the username or password is not correct.";
    static final String TOO_MANY = "Too many failed sign-ins.";

    private static final Pattern TOKEN_FIELD =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** An answer: status, headers (names lower-case), body. */
    record Answer(int status, String statusLine, Map<String, List<String>> headers, String body) {

        List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        String first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        List<String> setCookies() {
            return all("set-cookie");
        }

        boolean setsCookie(String name) {
            return setCookies().stream().anyMatch(cookie -> cookie.startsWith(name + "="));
        }

        boolean signedIn() {
            return status == 303 && first("location").endsWith("/admin/applications.xhtml");
        }

        boolean refused() {
            return status == 200 && body.contains(FAILED);
        }

        boolean throttled() {
            return status == 429 && body.contains(TOO_MANY);
        }
    }

    private final String localAddress;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    SignInClient(String localAddress) {
        this.localAddress = localAddress;
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    /** Opens the sign-in page, as a person would before typing: it sets the form token cookie. */
    String openSignInPage() {
        Answer page = get(SIGN_IN);
        if (page.status() != 200) {
            throw new AssertionError("sign-in page: " + page.status());
        }
        Matcher token = TOKEN_FIELD.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no form token on the sign-in page");
        }
        return token.group(1);
    }

    /** Signs in as a browser does: with the page's form token (opening the page first when it has none). */
    Answer signIn(String username, String password) {
        if (cookie("clavis_signin") == null) {
            openSignInPage();
        }
        String token = cookie("clavis_signin");
        return post(
                SIGN_IN, "jakarta.faces.ViewState", token, "signin:username", username, "signin:password", password);
    }

    Answer get(String path) {
        return exchange("GET", path, null, Map.of());
    }

    Answer post(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return exchange("POST", path, body.toString(), Map.of());
    }

    Answer exchange(String method, String path, String body, Map<String, String> extraHeaders) {
        URI base = URI.create(Clavis.baseUrl());
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n")
                .append("Host: ")
                .append(base.getHost())
                .append(':')
                .append(base.getPort())
                .append("\r\nConnection: close\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            cookies.forEach(
                    (name, value) -> head.append(name).append('=').append(value).append("; "));
            head.setLength(head.length() - 2);
            head.append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                    .append(content.length)
                    .append("\r\n");
        }
        extraHeaders.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Answer answer = parse(socket.getInputStream().readAllBytes());
            keepCookies(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void keepCookies(Answer answer) {
        for (String setCookie : answer.setCookies()) {
            String pair = setCookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).strip();
            String value = pair.substring(equals + 1).strip();
            if (value.isEmpty() || setCookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("not an HTTP answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = unchunk(body);
        }
        return new Answer(status, lines[0], headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0];
            int size = Integer.parseInt(sizeLine.strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
