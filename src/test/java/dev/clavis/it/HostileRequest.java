package dev.clavis.it;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One request of the hostile-input corpus, as {@link HostileRequests} generated it: what to send, how, and what the
 * answer must look like.
 *
 * @param endpoint the group it is counted under in the report
 * @param what the kind of hostility, for the report
 * @param shape the documented shape its errors must have
 * @param target the request target exactly as sent (path and query, not normalised)
 * @param version the protocol version of the request line, normally {@code HTTP/1.1}
 * @param headers in order; values are ISO-8859-1, one char per byte, so any byte can be sent
 * @param secrets values sent that must not appear in the answer
 */
record HostileRequest(
        int index,
        String endpoint,
        String what,
        Shape shape,
        String method,
        String target,
        String version,
        List<Header> headers,
        byte[] body,
        Flow flow,
        Set<Option> options,
        List<String> secrets) {

    record Header(String name, String value) {}

    /** Which documented error shape applies, by where the request goes. */
    enum Shape {
        /** RFC 6749 §5.2 JSON with Cache-Control: no-store. */
        TOKEN,
        /** The other OAuth endpoints: JSON; errors RFC 6749 §5.2 shaped. */
        OAUTH,
        /** The sample API, discovery and unknown addresses: JSON errors with {@code error}. */
        BEARER,
        /** The admin API: RFC 9457 {@code application/problem+json}. */
        PROBLEM,
        /** The admin pages: HTML; errors a small page of Clavis's own. */
        PAGE,
        /** Served by Payara itself (MicroProfile Health and OpenAPI): no HTML error report, no stack trace. */
        SERVER,
        /** A path trick whose target depends on how it is normalised: any of Clavis's documented shapes. */
        ANY
    }

    /** Requests that need a step before them. */
    enum Flow {
        PLAIN,
        /** Sent with the signed-in administrator's session cookie. */
        ADMIN_SESSION,
        /** A fresh sign-in page is fetched first; its cookie and view state replace {@code @VIEWSTATE@}. */
        SIGN_IN_POSTBACK,
        /** The add-application page is fetched in the administrator's session first, for its view state. */
        ADMIN_POSTBACK
    }

    enum Option {
        /** Send over a raw socket exactly as given (HttpClient would refuse or normalise it). */
        RAW,
        /** Do not add a Host header. */
        NO_HOST,
        /** The body is shorter than its Content-Length: close the sending side after it. */
        TRUNCATED,
        /** Bytes beyond the declared body form another request: read every answer. */
        PIPELINED,
        /** Larger than the server drains (1 MiB): closing the connection is a documented answer. */
        MAY_DROP,
        /** Malformed at the HTTP level: the container may refuse it itself, with a bodiless 4xx. */
        PROTOCOL,
        /** A forged or stolen credential: any 2xx is a defect. */
        MUST_BE_REFUSED,
        /** An address that must not exist. */
        MUST_BE_404,
        /** Anonymous: a page that shows a signed-in administrator is a defect. */
        ANONYMOUS
    }

    static EnumSet<Option> none() {
        return EnumSet.noneOf(Option.class);
    }

    boolean has(Option option) {
        return options.contains(option);
    }

    /** A short description for the report: request line, headers and the start of the body, control bytes shown. */
    String describe() {
        StringBuilder text = new StringBuilder();
        text.append('#').append(index).append(' ').append(what).append(": ");
        text.append(visible(shorten(method, 40))).append(' ').append(visible(shorten(target, 160)));
        if (!version.equals("HTTP/1.1")) {
            text.append(' ').append(visible(version));
        }
        for (Header header : headers) {
            text.append(" | ").append(visible(header.name()));
            if (header.value() != null) {
                text.append(": ").append(visible(shorten(masked(header), 80)));
            }
        }
        if (body.length > 0) {
            String start = new String(body, 0, Math.min(body.length, 120), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                start = start.replace(secret, "***");
            }
            text.append(" | body (").append(body.length).append(" bytes): ").append(visible(start));
        }
        return text.toString();
    }

    /** Credentials are shown by their scheme and length only: the report goes to the build log. */
    private static String masked(Header header) {
        String name = header.name().toLowerCase(java.util.Locale.ROOT);
        if (!name.equals("authorization") && !name.equals("cookie")) {
            return header.value();
        }
        int space = header.value().indexOf(' ');
        String scheme = space < 0 || name.equals("cookie") ? "" : header.value().substring(0, space + 1);
        return scheme + "…(" + header.value().length() + " chars)";
    }

    private static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "…(" + value.length() + " chars)";
    }

    static String visible(String value) {
        StringBuilder shown = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                shown.append(String.format("\\x%02x", (int) c));
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }
}
