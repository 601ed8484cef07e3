package dev.clavis.it;

import dev.clavis.it.HostileRequest.Flow;
import dev.clavis.it.HostileRequest.Header;
import dev.clavis.it.HostileRequest.Option;
import dev.clavis.it.HostileRequest.Shape;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the hostile-input corpus: malformed, oversized and hostile requests over every endpoint of Clavis. The
 * request at an index depends only on the seed and the index, so a failure names a request that can be made again
 * ({@code -Dclavis.it.hostile.seed}). Families and their share of the corpus:
 *
 * <ul>
 * <li>token endpoint: content types, encodings (NUL, CR/LF, overlong UTF-8, lone surrogates, raw non-UTF-8 bytes),
 * repeated, unknown and URL parameters, bodies up to 2 MB and lying Content-Lengths, malformed and repeated Basic
 * headers, odd grant types, scopes and methods;
 * <li>admin API, with a valid admin token: bad and deeply nested JSON, unknown fields, wrong types, oversized values,
 * content types, If-Match garbage, hostile IDs and paths, odd methods, and forged or malformed bearer tokens;
 * <li>admin pages: {@code ?ln=../WEB-INF}, forged and missing view state, partial (Ajax) postbacks, hostile sign-in
 * and add-application fields, cookies, odd methods and extensions;
 * <li>sample API, discovery, JWKS, health and OpenAPI: forged tokens, methods, query strings, paths;
 * <li>the HTTP layer itself: request lines, header syntax, huge headers, chunked encoding, pipelining.
 * </ul>
 *
 * Requests that would cost a slow hash use a small pool of client IDs, so the failure throttle soon answers them
 * cheaply: the corpus stays a few minutes long on two cores.
 */
final class HostileRequests {

    /** What the generator needs to know of the server under test. */
    record Context(
            String bootstrapId,
            String genuineId,
            String nonAdminToken,
            String adminToken,
            String victimId,
            List<ForgedTokens.Forged> forged) {}

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON = "application/json";
    private static final String GRANT = "grant_type=client_credentials";

    /** Values that are hostile anywhere; none contains a word the stack-trace check looks for. */
    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "\u0000",
            "\r\n",
            "\r\nX-Injected: 1",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "' OR '1'='1",
            "'; DROP TABLE application; --",
            "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}",
            "%{7*7}",
            "\u202egnp.exe",
            "ünïcödé",
            "\ud83d\ude00",
            "\uFEFF",
            "\u0085\u2028\u2029",
            "null",
            "true",
            "-1",
            "1e999",
            "{}",
            "[]",
            "A".repeat(70),
            "A".repeat(4_000));

    /** Percent-encoded byte sequences that are not valid UTF-8 text, or are control characters. */
    private static final List<String> BAD_ENCODINGS = List.of(
            "%FF",
            "%FE%FF",
            "%C0%AF",
            "%C0%80",
            "%E0%80%AF",
            "%ED%A0%80",
            "%ED%BF%BF",
            "%ED%A0%BD%ED%B8%80",
            "%F4%90%80%80",
            "%F8%88%80%80%80",
            "%80",
            "%C3",
            "%00",
            "%0D%0A",
            "%1B%5B31m",
            "%",
            "%4",
            "%G0",
            "%%41",
            "%u0041");

    private static final List<String> METHODS =
            List.of("GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "FOO", "post");

    /** Client IDs for requests that reach client authentication: few, so their slow hashes are soon throttled. */
    private final List<String> clientIds;

    private final long seed;
    private final Context context;
    private final List<String> hugeClientIds = new ArrayList<>();

    HostileRequests(long seed, Context context) {
        this.seed = seed;
        this.context = context;
        this.clientIds = List.of(
                context.bootstrapId(),
                context.genuineId(),
                "nosuchclient",
                "a",
                "x".repeat(65),
                "CLAVIS-ADMIN",
                "clavis-admin\u0000",
                "clavis-admin ",
                "ünïcödé",
                "../../etc/passwd",
                "<script>alert(1)</script>",
                "' OR 1=1--",
                "\r\nX-Injected: 1",
                "${jndi:ldap://127.0.0.1:1/a}");
        for (char c : new char[] {'q', 'r', 's'}) {
            hugeClientIds.add(String.valueOf(c).repeat(60_000));
        }
    }

    /** The request at {@code index}: always the same for the same seed. */
    HostileRequest get(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int family = Math.floorMod(index * 7 + (int) seed, 100);
        B b;
        if (family < 30) {
            b = token(random);
        } else if (family < 52) {
            b = adminApi(random);
        } else if (family < 70) {
            b = pages(random);
        } else if (family < 81) {
            b = sampleApi(random);
        } else if (family < 88) {
            b = discovery(random);
        } else if (family < 91) {
            b = server(random);
        } else if (family < 97) {
            b = protocol(random);
        } else {
            b = paths(random);
        }
        return b.build(index);
    }

    // --- token endpoint ---

    private B token(SplittableRandom r) {
        String secret = "wrong-" + alnum(r, 32);
        String id = pick(r, clientIds);
        String credentials = "&client_id=" + enc(id) + "&client_secret=" + enc(secret);
        B b = new B("token", Shape.TOKEN, "POST", "/oauth2/token").secret(secret);
        switch (r.nextInt(35)) {
            case 0 -> b.what("no content type").form(GRANT + credentials).noContentType();
            case 1 -> b.what("wrong content type")
                    .contentType(pick(
                            r,
                            "text/plain",
                            JSON,
                            "multipart/form-data; boundary=x",
                            "application/xml",
                            "application/x-www-form-urlencodedx",
                            "x-www-form-urlencoded",
                            "*/*",
                            "",
                            ";",
                            "application/x-www-form-urlencoded/../json",
                            FORM + "; boundary=\"" + "b".repeat(2_000) + "\""))
                    .body(GRANT + credentials);
            case 2 -> b.what("charset")
                    .contentType(FORM
                            + pick(
                                    r,
                                    "; charset=ISO-8859-1",
                                    "; charset=utf-16",
                                    "; charset=\"utf-8\"",
                                    "; charset=UTF-8; charset=latin1",
                                    "; charset=",
                                    "; charset=utf-8;;;",
                                    ";charset=nonsense-" + alnum(r, 8),
                                    "; charset=" + "u".repeat(3_000)))
                    .body(GRANT + credentials);
            case 3 -> b.what("random bytes").contentType(FORM).body(bytes(r, 1 + r.nextInt(3_000)));
            case 4 -> b.what("malformed percent-encoding")
                    .form(pick(r, "grant_type", "client_id", "client_secret", "scope") + "=" + pick(r, BAD_ENCODINGS)
                            + "&" + GRANT + credentials);
            case 5 -> b.what("raw non-UTF-8 bytes")
                    .contentType(FORM)
                    .body(concat(ascii(GRANT + "&client_id=" + enc(id) + "&client_secret="), pick(r, new byte[][] {
                        {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xFF, (byte) 0xFE},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0x80},
                        {0, 0, 0},
                        {'\r', '\n', '\r', '\n'}
                    })));
            case 6 -> b.what("control characters in values")
                    .form(GRANT + "&client_id=" + enc(id + pick(r, "\u0000", "\r\n", "\t", "\u007f", "\u001b"))
                            + "&client_secret=" + enc(secret));
            case 7 -> {
                String repeated = pick(r, "grant_type", "client_id", "client_secret", "scope");
                b.what("repeated " + repeated)
                        .form(GRANT + credentials + "&" + repeated + "=" + pick(r, "client_credentials", id, "x"));
            }
            case 8 -> {
                int count = 100 + r.nextInt(9_000);
                b.what("many unknown parameters").form(GRANT + credentials + "&x=1".repeat(count));
            }
            case 9 -> b.what("empty names and values")
                    .form(pick(
                            r,
                            "",
                            "=",
                            "&&&&",
                            "=x&=y",
                            "grant_type",
                            "grant_type=",
                            "grant_type=&client_id=&client_secret=",
                            "grant_type&client_id&client_secret",
                            "&" + GRANT + "&",
                            "==&==",
                            "%3D=%26"));
            case 10 -> b.what("60 KB client_id")
                    .form(GRANT + "&client_id=" + pick(r, hugeClientIds) + "&client_secret=" + enc(secret));
            case 11 -> {
                int size = pick(r, 65_536, 65_537, 70_000);
                String body = GRANT + credentials + "&pad=";
                b.what("body of " + size + " bytes").form(body + "p".repeat(Math.max(0, size - body.length())));
            }
            case 12 -> b.what("Content-Length lies: shorter body")
                    .raw()
                    .contentType(FORM)
                    .header("Content-Length", Integer.toString(400 + r.nextInt(5_000)))
                    .body(GRANT + credentials)
                    .option(Option.TRUNCATED);
            case 13 -> {
                String body = GRANT + credentials;
                b.what("Content-Length lies: longer body")
                        .raw()
                        .contentType(FORM)
                        .header("Content-Length", Integer.toString(r.nextInt(body.length())))
                        .body(body + pick(r, "", "GET /oauth2/jwks HTTP/1.1\r\nHost: x\r\n\r\n"))
                        .option(Option.PIPELINED);
            }
            case 14 -> b.what("invalid Content-Length")
                    .raw()
                    .protocol()
                    .contentType(FORM)
                    .header(
                            "Content-Length",
                            pick(r, "-1", "abc", "1,1", "0x10", " 10", "99999999999999999999", "+10", "1e3"))
                    .body(GRANT + credentials);
            case 15 -> {
                String body = GRANT + credentials;
                b.what("two Content-Lengths")
                        .raw()
                        .protocol()
                        .contentType(FORM)
                        .header("Content-Length", Integer.toString(body.length()))
                        .header("Content-Length", Integer.toString(body.length() + 5))
                        .body(body);
            }
            case 16 -> chunked(r, b.contentType(FORM), GRANT + credentials);
            case 17 -> b.what("parameters in the URL")
                    .target("/oauth2/token?" + pick(r, GRANT, "client_secret=" + enc(secret), "x=" + alnum(r, 10), "%"))
                    .form(GRANT + credentials);
            case 18 -> b.what("Basic: bad base64")
                    .basicRaw(pick(r, "!!!", "====", "YQ", "YWJj=ZGVm", "Y2xp ZW50OnNlY3JldA==", "Zm9v\u0000YmFy", "é"))
                    .form(GRANT);
            case 19 -> b.what("Basic: no colon")
                    .basicRaw(b64(enc(id) + enc(secret)))
                    .form(GRANT);
            case 20 -> b.what("Basic: empty part")
                    .basicRaw(b64(pick(r, ":", ":" + secret, enc(id) + ":", "", "::", ":::" + secret)))
                    .form(GRANT);
            case 21 -> {
                int size = pick(r, 4_000, 7_000, 12_000, 40_000);
                b.what("Basic: " + size + " bytes")
                        .basicRaw(b64("h".repeat(size / 2) + ":" + secret))
                        .form(GRANT);
                if (size > 7_000) {
                    b.raw().protocol();
                }
            }
            case 22 -> b.what("two Authorization headers")
                    .raw()
                    .header("Authorization", Clavis.basic(id, secret))
                    .header("Authorization", pick(r, Clavis.basic(id, secret), "Bearer " + context.adminToken(), ""))
                    .form(GRANT)
                    .secret(context.adminToken());
            case 23 -> b.what("Basic and client_secret")
                    .header("Authorization", Clavis.basic(id, secret))
                    .form(GRANT + pick(r, "&client_secret=" + enc(secret), "&client_id=other-" + alnum(r, 5)));
            case 24 -> b.what("Basic: non-UTF-8 and control bytes")
                    .basicRaw(Base64.getEncoder().encodeToString(concat(ascii(enc(id) + ":"), pick(r, new byte[][] {
                        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}, {0, 0}, {'\r', '\n'}, ascii("%ED%A0%80"), ascii("%")
                    }))))
                    .form(GRANT);
            case 25 -> {
                String value = pick(
                        r,
                        "basic " + b64(enc(id) + ":" + enc(secret)),
                        "BASIC " + b64(enc(id) + ":" + enc(secret)),
                        "Basic",
                        "Basic ",
                        "Basic  " + b64(enc(id) + ":" + enc(secret)),
                        "Basic\t" + b64(enc(id) + ":" + enc(secret)),
                        "Basicx " + b64(enc(id) + ":" + enc(secret)),
                        "Digest username=\"a\", response=\"b\"",
                        "Negotiate YIIB",
                        "Bearer " + context.adminToken(),
                        "Bearer " + pick(r, context.forged()).token(),
                        "Bearer",
                        "");
                b.what("authorization scheme")
                        .header("Authorization", value)
                        .form(GRANT)
                        .secret(context.adminToken());
                if (value.contains("\t")) {
                    b.raw();
                }
            }
            case 26 -> b.what("odd grant_type")
                    .form("grant_type="
                            + enc(pick(
                                    r,
                                    "password",
                                    "authorization_code",
                                    "refresh_token",
                                    "urn:ietf:params:oauth:grant-type:jwt-bearer",
                                    "client_credentials ",
                                    "CLIENT_CREDENTIALS",
                                    "client_credentials\u0000",
                                    "g".repeat(20_000)))
                            + credentials);
            case 27 -> b.what("odd scope")
                    .form(GRANT + credentials + "&scope="
                            + enc(pick(
                                    r,
                                    "clavis-admin",
                                    " ",
                                    "a  b",
                                    "\"",
                                    "\\",
                                    "openid",
                                    "clavis-admin ".repeat(3_000),
                                    "s".repeat(50_000),
                                    "pos.sales.read\u0000clavis-admin")));
            case 28 -> {
                String method = pick(r, METHODS);
                b.what("method " + method).method(method).form(GRANT + credentials);
                if (!method.equals(method.toUpperCase()) || method.equals("TRACE")) {
                    b.raw();
                }
            }
            case 29 -> b.what("wrong secret, Basic")
                    .header("Authorization", Clavis.basic(id, secret))
                    .form(GRANT);
            case 30 -> b.what("Expect: 100-continue")
                    .raw()
                    .header("Expect", pick(r, "100-continue", "200-ok", "x".repeat(100)))
                    .form(GRANT + credentials);
            case 31 -> b.what("Accept")
                    .header(
                            "Accept",
                            pick(r, "text/html", "application/xml", "*/*;q=x", "image/png", "a".repeat(3_000)))
                    .form(GRANT + credentials);
            case 32 -> {
                int size = pick(r, 6_000, 9_000, 30_000, 100_000);
                b.what(size + "-byte header").header("X-Pad", "p".repeat(size)).form(GRANT + credentials);
                if (size > 7_000) {
                    b.raw().protocol();
                }
            }
            case 33 -> b.what("UTF-16 and BOM bodies")
                    .contentType(FORM + pick(r, "", "; charset=utf-16"))
                    .body(pick(
                            r,
                            (GRANT + credentials).getBytes(StandardCharsets.UTF_16),
                            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii(GRANT + credentials))));
            default -> {
                // a few bodies of 1 MiB (drained, then 413) and 2 MB (beyond the drain: the connection may close)
                int size = r.nextInt(8) == 0 ? pick(r, 1 << 20, 2_000_000) : pick(r, 100_000, 500_000);
                b.what("body of " + (size >> 10) + " KiB")
                        .raw()
                        .contentType(FORM)
                        .body(ascii(GRANT + "&pad=" + "p".repeat(size)));
                if (size > 1 << 20) {
                    b.option(Option.MAY_DROP);
                }
            }
        }
        return b;
    }

    // --- admin API ---

    private B adminApi(SplittableRandom r) {
        String path = pick(
                r,
                "/admin/api/applications",
                "/admin/api/roles",
                "/admin/api/apis",
                "/admin/api/applications/" + context.victimId() + "/secrets");
        B b = new B("admin-api", Shape.PROBLEM, "POST", path).bearer(context.adminToken());
        switch (r.nextInt(24)) {
            case 0 -> b.what("bad JSON")
                    .json(pick(
                            r,
                            "{",
                            "}",
                            "{\"clientId\":}",
                            "{\"clientId\" \"x\"}",
                            "{'clientId':'x'}",
                            "{\"a\":1,}",
                            "[]",
                            "null",
                            "\"text\"",
                            "1",
                            "",
                            " ",
                            "{}x",
                            "{} {}",
                            "{\"a\":\"\\u00\"}",
                            "{\"a\":\"\\x41\"}",
                            "{\"a\":NaN}",
                            "{\"a\":Infinity}",
                            "{\"a\":01}",
                            "{\"a\":\"" + "\u0000" + "\"}",
                            "/* comment */ {}",
                            "{\"a\":1}\u0000"));
            case 1 -> {
                int depth = pick(r, 1_000, 10_000, 60_000, 100_000);
                String open = pick(r, "[", "{\"a\":");
                String text = open.repeat(depth);
                if (r.nextBoolean()) {
                    text += "1" + (open.equals("[") ? "]" : "}").repeat(depth);
                }
                b.what("nesting " + depth + " deep").json(text);
            }
            case 2 -> b.what("unknown fields")
                    .json("{\"clientId\":\"u" + alnum(r, 8).toLowerCase()
                            + "\",\"displayName\":\"U\",\"type\":\"CONFIDENTIAL\","
                            + "\""
                            + pick(
                                    r,
                                    "__proto__",
                                    "constructor",
                                    "isAdmin",
                                    "secretHash",
                                    "version",
                                    "id",
                                    "x".repeat(500),
                                    "\u0000",
                                    "")
                            + "\":true}");
            case 3 -> {
                String field = pick(
                        r,
                        "clientId",
                        "displayName",
                        "type",
                        "clientCredentialsFlow",
                        "roles",
                        "enabled",
                        "accessTokenLifetimeSeconds",
                        "clientSecret",
                        "expiresAt",
                        "name",
                        "description");
                String value = pick(
                        r,
                        "1",
                        "-1",
                        "1.5",
                        "1e309",
                        "-1e309",
                        "99999999999999999999999999",
                        "true",
                        "null",
                        "[]",
                        "{}",
                        "[1,2]",
                        "[null]",
                        "[[\"clavis-admin\"]]",
                        "\"\"",
                        "\"yesterday\"",
                        "\"2030-13-45T99:99:99Z\"",
                        "\"+999999999-12-31T23:59:59Z\"",
                        "{\"$gt\":\"\"}");
                b.what("wrong type for " + field).json("{\"" + field + "\":" + value + "}");
            }
            case 4 -> {
                String value = pick(
                        r,
                        "d".repeat(60_000),
                        "\\u0000\\u0001\\u001f",
                        "\\ud800",
                        "\\udfff\\ud800",
                        "\\u202e",
                        "<script>alert(1)</script>",
                        "\\r\\nX-Injected: 1",
                        "'; DROP TABLE role; --");
                b.what("hostile string values")
                        .json("{\"clientId\":\"" + value + "\",\"displayName\":\"" + value
                                + "\",\"type\":\"CONFIDENTIAL\",\"name\":\"" + value + "\",\"description\":\"" + value
                                + "\",\"roles\":[\"" + value + "\"]}");
            }
            case 5 -> b.what("raw invalid UTF-8 in JSON")
                    .contentType(JSON)
                    .body(concat(
                            ascii("{\"displayName\":\""),
                            new byte[] {(byte) 0xC0, (byte) 0xAF, (byte) 0xFF},
                            ascii("\"}")));
            case 6 -> b.what("content type")
                    .contentType(pick(
                            r,
                            "text/plain",
                            FORM,
                            "application/xml",
                            "application/problem+json",
                            "application/json; charset=latin1",
                            "application/json; charset=utf-16",
                            "application/json;;",
                            "application/jsonx",
                            "*/*",
                            "",
                            "multipart/form-data; boundary=" + "b".repeat(1_000)))
                    .body("{\"name\":\"x\"}");
            case 7 -> b.what("no content type").noContentType().body("{\"name\":\"x\"}");
            case 8 -> {
                int size = pick(r, 65_537, 200_000);
                b.what("body of " + size + " bytes").json("{\"displayName\":\"" + "d".repeat(size) + "\"}");
            }
            case 9 -> {
                int size = r.nextInt(8) == 0 ? pick(r, 1 << 20, 2_000_000) : pick(r, 100_000, 500_000);
                b.what("body of " + (size >> 10) + " KiB")
                        .raw()
                        .contentType(JSON)
                        .body(ascii("{\"d\":\"" + "d".repeat(size) + "\"}"));
                if (size > 1 << 20) {
                    b.option(Option.MAY_DROP);
                }
            }
            case 10 -> b.what("Content-Length lies")
                    .raw()
                    .contentType(JSON)
                    .header("Content-Length", pick(r, "5000", "3"))
                    .body("{\"name\":\"lie-" + alnum(r, 6) + "\"}")
                    .option(Option.TRUNCATED)
                    .option(Option.PIPELINED);
            case 11 -> b.what("If-Match garbage")
                    .method("PUT")
                    .target(pick(
                            r,
                            "/admin/api/applications/" + context.victimId(),
                            "/admin/api/applications/nosuch" + alnum(r, 5).toLowerCase(),
                            "/admin/api/roles/pos.sales.read",
                            "/admin/api/roles/nosuch",
                            "/admin/api/apis/clavis-administration",
                            "/admin/api/apis/nosuch"))
                    .header(
                            "If-Match",
                            pick(
                                    r,
                                    "\"abc\"",
                                    "W/\"1\"",
                                    "\"99999999999999999999\"",
                                    "\"-1\"",
                                    "\"\"",
                                    "1",
                                    "\"1\", \"2\"",
                                    "\"" + "9".repeat(3_000) + "\""))
                    .json("{\"displayName\":\"Hostile\",\"type\":\"CONFIDENTIAL\",\"clientCredentialsFlow\":true,"
                            + "\"enabled\":false,\"roles\":[],\"description\":\"x\"}");
            case 12 -> b.what("PUT without If-Match")
                    .method("PUT")
                    .target("/admin/api/applications/" + context.victimId())
                    .json("{\"displayName\":1}");
            case 13 -> b.what("DELETE hostile IDs")
                    .method("DELETE")
                    .target(pick(
                                    r,
                                    "/admin/api/applications/",
                                    "/admin/api/roles/",
                                    "/admin/api/apis/",
                                    "/admin/api/applications/" + context.victimId() + "/secrets/")
                            + pick(
                                    r,
                                    "%00",
                                    "%2e%2e",
                                    "..%2f..%2fclavis-admin",
                                    "%27%20OR%201%3D1--",
                                    "nosuch" + alnum(r, 4).toLowerCase(),
                                    "%F0%9F%98%80",
                                    "%ED%A0%80",
                                    "a".repeat(3_000)))
                    .noBody();
            case 14 -> {
                String param = pick(r, "limit", "before");
                b.what("audit query " + param)
                        .method("GET")
                        .target("/admin/api/audit?" + param + "="
                                + pick(
                                        r,
                                        "-1",
                                        "0",
                                        "501",
                                        "abc",
                                        "1e3",
                                        "99999999999999999999",
                                        "%00",
                                        "",
                                        "1&" + param + "=2",
                                        "%ED%A0%80"))
                        .noBody();
            }
            case 15 -> b.what("GET hostile IDs")
                    .method("GET")
                    .target(pick(r, "/admin/api/applications/", "/admin/api/roles/", "/admin/api/apis/")
                            + pick(
                                    r,
                                    "%00",
                                    "%0D%0A",
                                    "%3Cscript%3E",
                                    "%25",
                                    "%2F",
                                    "..%2F..",
                                    "~",
                                    "a".repeat(2_000),
                                    "%C0%AF"))
                    .noBody();
            case 16 -> {
                String method = pick(r, METHODS);
                b.what("method " + method).method(method).raw().noBody();
            }
            case 17 -> b.what("Accept")
                    .method("GET")
                    .header("Accept", pick(r, "text/html", "application/xml", "*/*;q=x", "text/html;q=1, */*;q=0"))
                    .noBody();
            case 18 -> {
                ForgedTokens.Forged forged = pick(r, context.forged());
                b.what("forged token: " + forged.name())
                        .method(pick(r, "GET", "POST"))
                        .replaceAuthorization("Bearer " + forged.token())
                        .secret(forged.token())
                        .json("{\"name\":\"forged-" + alnum(r, 6).toLowerCase() + "\"}");
                if (forged.mustBeRefused()) {
                    b.option(Option.MUST_BE_REFUSED);
                }
            }
            case 19 -> b.what("malformed bearer")
                    .method("GET")
                    .replaceAuthorization(pick(
                            r,
                            "Bearer",
                            "Bearer ",
                            "bearer " + context.adminToken(),
                            "Bearer  " + context.adminToken(),
                            "Bearer " + context.adminToken() + " extra",
                            "Bearer " + context.adminToken() + "," + context.adminToken(),
                            "Bearer \"" + context.adminToken() + "\"",
                            "Bearer " + "A".repeat(7_000),
                            "Token " + context.adminToken(),
                            "Basic " + b64("clavis-admin:" + Clavis.bootstrapSecret())))
                    .option(Option.MUST_BE_REFUSED)
                    .noBody();
            case 20 -> b.what("two Authorization headers")
                    .raw()
                    .method("GET")
                    .header(
                            "Authorization",
                            "Bearer " + pick(r, context.forged()).token())
                    .noBody();
            case 21 -> b.what("token without clavis-admin")
                    .method(pick(r, "GET", "POST"))
                    .replaceAuthorization("Bearer " + context.nonAdminToken())
                    .secret(context.nonAdminToken())
                    .json("{\"name\":\"x\"}")
                    .option(Option.MUST_BE_REFUSED);
            case 22 -> b.what("no token")
                    .method(pick(r, "GET", "POST"))
                    .replaceAuthorization(null)
                    .json("{}")
                    .option(Option.MUST_BE_REFUSED);
            default -> b.what("secrets with hostile expiry")
                    .target("/admin/api/applications/" + pick(r, context.victimId(), "nosuch", "%2e%2e") + "/secrets")
                    .json("{\"expiresAt\":"
                            + pick(
                                    r,
                                    "\"yesterday\"",
                                    "\"1970-01-01T00:00:00Z\"",
                                    "\"2030-02-30T00:00:00Z\"",
                                    "1e20",
                                    "\"" + "9".repeat(5_000) + "\"")
                            + ",\"clientSecret\":" + pick(r, "\"short\"", "1", "null", "\"\\u0000\"") + "}");
        }
        if (b.method.equals("GET")) {
            b.noBody(); // a GET with a body is refused by the container before any token is looked at
        }
        return b;
    }

    // --- admin pages ---

    private B pages(SplittableRandom r) {
        B b = new B("pages", Shape.PAGE, "GET", "/admin/sign-in.xhtml").option(Option.ANONYMOUS);
        switch (r.nextInt(20)) {
            case 0 -> b.what("garbage query")
                    .target("/admin/sign-in.xhtml?"
                            + pick(r, "a=%00", "x=" + enc(pick(r, HOSTILE)), "%", "&&&", "a=" + "b".repeat(6_000)));
            case 1 -> b.what("resource library traversal")
                    .option(Option.RAW)
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            "/jakarta.faces.resource/web.xml.xhtml?ln=../WEB-INF",
                            "/jakarta.faces.resource/web.xml.xhtml?ln=..%2fWEB-INF",
                            "/jakarta.faces.resource/web.xml.xhtml?ln=%2e%2e/WEB-INF",
                            "/jakarta.faces.resource/beans.xml.xhtml?ln=../../WEB-INF",
                            "/jakarta.faces.resource/persistence.xml.xhtml?ln=../WEB-INF/classes/META-INF",
                            "/jakarta.faces.resource/microprofile-config.properties.xhtml?ln=../WEB-INF/classes/META-INF",
                            "/jakarta.faces.resource/../WEB-INF/web.xml.xhtml",
                            "/jakarta.faces.resource/%2e%2e/WEB-INF/web.xml.xhtml",
                            "/jakarta.faces.resource/css/clavis.css.xhtml?ln=..",
                            "/jakarta.faces.resource/clavis.css.xhtml?ln=css&v=" + "9".repeat(1_000),
                            "/jakarta.faces.resource/faces.js.xhtml?ln=jakarta.faces",
                            "/jakarta.faces.resource/..%5c..%5cWEB-INF%5cweb.xml.xhtml",
                            "/admin/sign-in.xhtml?ln=../WEB-INF"));
            case 2 -> b.what("WEB-INF and META-INF")
                    .option(Option.RAW)
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            "/WEB-INF/web.xml",
                            "/WEB-INF/beans.xml",
                            "/web-inf/web.xml",
                            "/WEB-INF/classes/META-INF/microprofile-config.properties",
                            "/META-INF/MANIFEST.MF",
                            "/admin/../WEB-INF/web.xml",
                            "/admin/%2e%2e/WEB-INF/web.xml",
                            "/WEB-INF/templates/admin.xhtml",
                            "/admin/sign-in.xhtml/../../WEB-INF/web.xml",
                            "/WEB-INF%2fweb.xml",
                            "/./WEB-INF/web.xml"));
            case 3 -> b.what("path around the guard")
                    .option(Option.RAW)
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            "/admin/api/../applications.xhtml",
                            "/admin/api/%2e%2e/roles.xhtml",
                            "/admin/api/..%2faudit.xhtml",
                            "/admin/api/;/../applications.xhtml",
                            "/jakarta.faces.resource/../admin/audit.xhtml",
                            "/admin/./applications.xhtml",
                            "/admin//applications.xhtml",
                            "//admin/applications.xhtml",
                            "/admin/applications.xhtml;jsessionid=ABCDEF",
                            "/admin/sign-in.xhtml/../applications.xhtml",
                            "/admin/sign-in.xhtml;/../applications.xhtml",
                            "/admin/sign-in.xhtml%3f/../applications.xhtml",
                            "/ADMIN/applications.xhtml",
                            "/admin/applications.xhtml%00",
                            "/admin/applications.xhtml%20",
                            "/admin/applications.xhtml/",
                            "/admin%2fapplications.xhtml",
                            "/admin/add-application.xhtml?faces-redirect=true",
                            "/admin/application.xhtml?clientId=clavis-admin&jakarta.faces.ViewState=x"));
            case 4 -> b.what("postback without view state")
                    .method("POST")
                    .contentType(FORM)
                    .body("signin=signin&signin%3Ausername=admin&signin%3Apassword=" + enc(b.newSecret(r))
                            + "&signin%3AsignIn=Sign+in");
            case 5 -> b.what("forged view state")
                    .method("POST")
                    .target(pick(
                            r, "/admin/sign-in.xhtml", "/admin/add-application.xhtml", "/admin/applications.xhtml"))
                    .contentType(FORM)
                    .body("signin=signin&signin%3Ausername=admin&signin%3Apassword=" + enc(b.newSecret(r))
                            + "&signin%3AsignIn=Sign+in&jakarta.faces.ViewState="
                            + enc(pick(
                                    r,
                                    "-1:-1",
                                    "stateless",
                                    "0:0",
                                    "1234567890:-1234567890",
                                    Base64.getEncoder().encodeToString(bytes(r, 200)),
                                    "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==",
                                    "H4sIAAAAAAAAAA==",
                                    "<script>alert(1)</script>",
                                    "v".repeat(60_000),
                                    "%00")));
            case 6, 7, 8 -> {
                String password = b.newSecret(r);
                String username = pick(
                        r,
                        "admin",
                        "ADMIN",
                        " admin ",
                        "u".repeat(60_000),
                        "\u0000admin",
                        "admin\r\n",
                        "<script>alert(1)</script>",
                        "' OR '1'='1",
                        "ünïcödé",
                        "\ud83d\ude00");
                b.what("sign-in with hostile fields")
                        .flow(Flow.SIGN_IN_POSTBACK)
                        .method("POST")
                        .contentType(FORM)
                        .body("signin=signin&signin%3Ausername=" + enc(username) + "&signin%3Apassword="
                                + enc(password) + "&signin%3AsignIn=Sign+in&jakarta.faces.ViewState=@VIEWSTATE@"
                                + pick(
                                        r,
                                        "",
                                        "&signin%3Ausername=second",
                                        "&signin%3Aextra=1",
                                        "&jakarta.faces.ViewState=x"));
            }
            case 9 -> b.what("partial (Ajax) postback")
                    .method("POST")
                    .header("Faces-Request", "partial/ajax")
                    .contentType(FORM)
                    .body("signin=signin&jakarta.faces.partial.ajax=true&jakarta.faces.source=signin%3AsignIn"
                            + "&jakarta.faces.partial.execute=%40all&jakarta.faces.partial.render=%40all"
                            + pick(
                                    r,
                                    "",
                                    "&jakarta.faces.ViewState=-1%3A-1",
                                    "&jakarta.faces.ViewState=" + alnum(r, 30)));
            case 10, 11 -> b.what("signed-in page with garbage parameters")
                    .flow(Flow.ADMIN_SESSION)
                    .options(EnumSet.noneOf(Option.class))
                    .target(pick(
                                    r,
                                    "/admin/application.xhtml?clientId=",
                                    "/admin/audit.xhtml?before=",
                                    "/admin/applications.xhtml?q=",
                                    "/admin/roles.xhtml?x=")
                            + pick(
                                    r,
                                    "%00",
                                    "-1",
                                    "abc",
                                    "99999999999999999999",
                                    "%ED%A0%80",
                                    "%C0%AF",
                                    enc(pick(r, HOSTILE)),
                                    "x".repeat(6_000),
                                    "%"));
            case 12 -> b.what("signed-in forged view state")
                    .flow(Flow.ADMIN_SESSION)
                    .options(EnumSet.noneOf(Option.class))
                    .method("POST")
                    .target(pick(
                            r,
                            "/admin/add-application.xhtml",
                            "/admin/application.xhtml?clientId=" + context.victimId(),
                            "/admin/roles.xhtml"))
                    .contentType(FORM)
                    .body("add=add&add%3AclientId=forged" + alnum(r, 6).toLowerCase()
                            + "&add%3AdisplayName=Forged&add%3Atype=CONFIDENTIAL&add%3AsecretChoice=true"
                            + "&add%3Asave=Add+application&jakarta.faces.ViewState="
                            + enc(pick(r, "-1:-1", "stateless", "", "1:1", alnum(r, 40))));
            case 13, 14 -> {
                String clientId = pick(
                        r,
                        "AB",
                        "x",
                        "Upper" + alnum(r, 4),
                        "has space",
                        "\u0000zero",
                        "z".repeat(65),
                        "<script>",
                        "dots.." + alnum(r, 3));
                String displayName = pick(r, HOSTILE).replace("\u0000", "") + pick(r, "", "d".repeat(60_000), "\ud800");
                b.what("add-application with hostile fields")
                        .flow(Flow.ADMIN_POSTBACK)
                        .options(EnumSet.noneOf(Option.class))
                        .method("POST")
                        .target("/admin/add-application.xhtml")
                        .contentType(FORM)
                        .body("add=add&add%3AclientId=" + enc(clientId) + "&add%3AdisplayName=" + enc(displayName)
                                + "&add%3Atype=" + enc(pick(r, "CONFIDENTIAL", "PUBLIC", "", "<x>"))
                                + "&add%3AsecretChoice=" + pick(r, "true", "false", "maybe")
                                + "&add%3AclientSecret=" + enc(b.newSecret(r))
                                + "&add%3AclientCredentialsFlow=" + pick(r, "on", "off", "%00")
                                + "&add%3Aroles=" + enc(pick(r, "clavis-admin", "nosuch", "\u0000", "r".repeat(500)))
                                + "&add%3Asave=Add+application&jakarta.faces.ViewState=@VIEWSTATE@");
            }
            case 15 -> b.what("cookies")
                    .header(
                            "Cookie",
                            pick(
                                    r,
                                    "JSESSIONID=" + alnum(r, 32),
                                    "JSESSIONID=a; JSESSIONID=b",
                                    "JSESSIONID=" + "j".repeat(6_000),
                                    "JSESSIONID=\"quoted\"",
                                    "JSESSIONID=%00",
                                    "a=b; ".repeat(200) + "JSESSIONID=x",
                                    ";;;;",
                                    "=",
                                    "JSESSIONID"))
                    .target(pick(r, "/admin/sign-in.xhtml", "/admin/applications.xhtml"));
            case 16 -> {
                String method = pick(r, METHODS);
                b.what("method " + method)
                        .method(method)
                        .raw()
                        .target(pick(r, "/admin/sign-in.xhtml", "/admin/applications.xhtml", "/admin/"));
            }
            case 17 -> b.what("postback content type")
                    .method("POST")
                    .contentType(pick(
                            r, "multipart/form-data; boundary=x", JSON, "text/plain", FORM + "; charset=utf-16", ""))
                    .body(pick(
                            r,
                            "--x\r\nContent-Disposition: form-data; name=\"signin\"\r\n\r\nsignin\r\n--x--\r\n",
                            "{\"signin\":\"signin\"}",
                            "signin=signin"));
            case 18 -> b.what("odd extension")
                    .option(Option.RAW)
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            "/admin/sign-in.jsf",
                            "/admin/sign-in.faces",
                            "/faces/admin/sign-in.xhtml",
                            "/admin/sign-in.XHTML",
                            "/admin/sign-in.xhtml.bak",
                            "/admin/sign-in",
                            "/admin/applications.jsf",
                            "/admin/sign-in.xhtml~",
                            "/admin/.xhtml",
                            "/admin/" + "p".repeat(3_000) + ".xhtml"));
            default -> b.what("entry points")
                    .option(Option.RAW)
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            "/",
                            "/admin",
                            "/admin/",
                            "/index.html",
                            "/resources/css/clavis.css",
                            "/resources/js/clavis.js",
                            "/jakarta.faces.resource/css/clavis.css.xhtml",
                            "/jakarta.faces.resource/js/clavis.js.xhtml"))
                    .header("Host", pick(r, "evil.example", "localhost", "[::1]", "a".repeat(300)));
        }
        return b;
    }

    // --- sample API, discovery, JWKS, Payara's own endpoints ---

    private B sampleApi(SplittableRandom r) {
        B b = new B("sample-api", Shape.BEARER, "GET", "/api/whoami");
        switch (r.nextInt(10)) {
            case 0, 1, 2 -> {
                ForgedTokens.Forged forged = pick(r, context.forged());
                b.what("forged token: " + forged.name()).bearer(forged.token()).secret(forged.token());
                if (forged.mustBeRefused()) {
                    b.option(Option.MUST_BE_REFUSED);
                }
            }
            case 3 -> b.what("malformed bearer")
                    .header(
                            "Authorization",
                            pick(
                                    r,
                                    "Bearer",
                                    "Bearer ",
                                    "Bearer " + "A".repeat(7_000),
                                    "Bearer a.b",
                                    "Bearer \u00ff\u00fe",
                                    "Basic " + b64("clavis-admin:" + Clavis.bootstrapSecret()),
                                    "Bearer " + context.adminToken() + " " + context.adminToken(),
                                    ""))
                    .option(Option.MUST_BE_REFUSED);
            case 4 -> b.what("two Authorization headers")
                    .raw()
                    .header(
                            "Authorization",
                            "Bearer " + pick(r, context.forged()).token())
                    .header("Authorization", "Bearer " + context.adminToken())
                    .secret(context.adminToken());
            case 5 -> {
                String method = pick(r, METHODS);
                b.what("method " + method).method(method).raw().bearer(context.nonAdminToken());
            }
            case 6 -> b.what("addresses that must not exist")
                    .bearer(context.adminToken())
                    .secret(context.adminToken())
                    .target(pick(
                            r,
                            "/api/applications",
                            "/api/roles",
                            "/api/audit",
                            "/api/applications/clavis-admin",
                            "/api/openapi"))
                    .option(Option.MUST_BE_404);
            case 7 -> b.what("path tricks")
                    .raw()
                    .shape(Shape.ANY)
                    .bearer(context.nonAdminToken())
                    .target(pick(
                            r,
                            "/api/whoami/",
                            "/api//whoami",
                            "/api/whoami;x=y",
                            "/api/whoami%2f",
                            "/api/",
                            "/api",
                            "/api/whoami/..;/",
                            "/api/%2e%2e/admin/api/applications",
                            "/api/whoami?" + "q".repeat(5_000)));
            case 8 -> b.what("Accept")
                    .bearer(context.nonAdminToken())
                    .header("Accept", pick(r, "text/html", "application/xml", "*/*;q=x", "image/*"));
            default -> b.what("no token").option(Option.MUST_BE_REFUSED);
        }
        return b;
    }

    private B discovery(SplittableRandom r) {
        String path =
                pick(r, "/oauth2/jwks", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");
        B b = new B(
                path.startsWith("/oauth2") ? "jwks" : "discovery",
                path.startsWith("/oauth2") ? Shape.OAUTH : Shape.BEARER,
                "GET",
                path);
        switch (r.nextInt(8)) {
            case 0, 1 -> {
                String method = pick(r, METHODS);
                b.what("method " + method).method(method).raw();
                if (method.equals("PUT") || method.equals("PATCH") || method.equals("post")) {
                    b.body("{\"keys\":[]}");
                }
            }
            case 2 -> b.what("query")
                    .target(path + "?"
                            + pick(
                                    r,
                                    "%",
                                    "a=%00",
                                    "x=" + enc(pick(r, HOSTILE)),
                                    "callback=alert",
                                    "q=" + "q".repeat(6_000)));
            case 3 -> b.what("forged token").bearer(pick(r, context.forged()).token());
            case 4 -> b.what("conditional and range headers")
                    .header(
                            pick(r, "If-None-Match", "If-Modified-Since", "Range", "If-Range"),
                            pick(r, "garbage", "\"x\"", "bytes=0-1,2-3,-5", "bytes=99999999999999999999-", "*"));
            case 5 -> b.what("path variants")
                    .raw()
                    .shape(Shape.ANY)
                    .target(pick(
                            r,
                            path + "/",
                            path + "%00",
                            path + ";x",
                            path + "/..",
                            "/.well-known/../oauth2/jwks",
                            "/.well-known/",
                            "/oauth2/",
                            "/oauth2/jwks.json",
                            "/.well-known/openid-configuration%2F..%2F"));
            case 6 -> b.what("Accept").header("Accept", pick(r, "text/html", "application/xml", "*/*;q=x"));
            default -> b.what("huge header").header("X-Pad", "p".repeat(pick(r, 3_000, 6_000)));
        }
        return b;
    }

    private B server(SplittableRandom r) {
        String path = pick(r, "/health/ready", "/health/live", "/health", "/openapi");
        B b = new B("health/openapi", Shape.SERVER, "GET", path);
        switch (r.nextInt(5)) {
            case 0 -> {
                String method = pick(r, METHODS);
                b.what("method " + method).method(method).raw();
            }
            case 1 -> b.what("query")
                    .target(path + "?"
                            + pick(r, "format=JSON", "format=%3Cscript%3E", "format=", "%", "a=" + "b".repeat(3_000)));
            case 2 -> b.what("forged token").bearer(pick(r, context.forged()).token());
            case 3 -> b.what("path variants")
                    .raw()
                    .target(pick(
                            r,
                            path + "/",
                            path + "/..",
                            "/health/../WEB-INF/web.xml",
                            "/openapi/../WEB-INF/web.xml",
                            "/health/%2e%2e/%2e%2e/etc/passwd",
                            "/health/started",
                            "/openapi/ui"));
            default -> b.what("Accept")
                    .header("Accept", pick(r, "text/html", "application/xml", "application/yaml", "*/*;q=x"));
        }
        return b;
    }

    // --- the HTTP layer ---

    private B protocol(SplittableRandom r) {
        String path = pick(
                r,
                "/oauth2/token",
                "/oauth2/jwks",
                "/admin/api/applications",
                "/admin/sign-in.xhtml",
                "/api/whoami",
                "/.well-known/openid-configuration");
        B b = new B("protocol", Shape.ANY, "GET", path).raw().protocol();
        switch (r.nextInt(16)) {
            case 0 -> b.what("HTTP/1.0 without Host").version("HTTP/1.0").option(Option.NO_HOST);
            case 1 -> b.what("HTTP/1.1 without Host").option(Option.NO_HOST);
            case 2 -> b.what("odd version")
                    .version(pick(
                            r,
                            "HTTP/2.0",
                            "HTTP/9.9",
                            "HTTP/1.10",
                            "http/1.1",
                            "HTTP/1",
                            "HTTPS/1.1",
                            "",
                            "HTTP/1.1 extra"));
            case 3 -> b.what("control bytes in the target")
                    .target(path + pick(r, "\u0000", "\r", "\u0007", "\u00ff", " x", "\t"));
            case 4 -> b.what("absolute-form target")
                    .target(pick(
                            r,
                            "http://evil.example" + path,
                            "http://localhost" + path,
                            "*",
                            "//" + path,
                            "http://[::1" + path));
            case 5 -> b.what("header without a colon")
                    .header(
                            pick(
                                    r,
                                    "NoColon",
                                    "X-Bad Header: 1",
                                    "X-Bad\u0000: 1",
                                    " X-Leading-Space: 1",
                                    "X-Tab\t: 1"),
                            null);
            case 6 -> b.what("obsolete line folding").header("X-Folded", "a\r\n b\r\n\tc");
            case 7 -> b.what("CR or LF in a header value")
                    .header("X-Injected", pick(r, "a\rb", "a\nSet-Cookie: x=y", "\u0000", "a\r\n\r\nGET / HTTP/1.1"));
            case 8 -> {
                int count = pick(r, 150, 1_000, 5_000);
                for (int i = 0; i < count; i++) {
                    b.header("X-H" + i, "v");
                }
                b.what(count + " headers");
            }
            case 9 -> b.what("huge header").header("X-Pad", "p".repeat(pick(r, 9_000, 70_000, 300_000)));
            case 10 -> b.what("several Host headers")
                    .option(Option.NO_HOST)
                    .header("Host", "localhost")
                    .header("Host", pick(r, "evil.example", "", "localhost"));
            case 11 -> chunked(
                    r, b.method("POST").contentType(FORM), GRANT + "&client_id=nosuchclient&client_secret=x");
            case 12 -> b.what("Transfer-Encoding oddities")
                    .method("POST")
                    .contentType(FORM)
                    .header(
                            "Transfer-Encoding",
                            pick(r, "gzip", "identity", "chunked, gzip", "x", "chunked\u0000", " chunked"))
                    .body("5\r\nhello\r\n0\r\n\r\n");
            case 13 -> b.what("request line garbage")
                    .method(pick(r, "", " ", "GET GET", "\u0016\u0003\u0001", "G\u0000T", "PRI", "X".repeat(5_000)));
            case 14 -> b.what("pipelined requests")
                    .option(Option.PIPELINED)
                    .header("Connection", "keep-alive")
                    .trailer(
                            "GET /oauth2/jwks HTTP/1.1\r\nHost: localhost\r\n\r\nGET /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            default -> b.what("Upgrade")
                    .header("Connection", "Upgrade, HTTP2-Settings")
                    .header("Upgrade", pick(r, "h2c", "websocket", "TLS/1.2"))
                    .header("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA");
        }
        return b;
    }

    private B paths(SplittableRandom r) {
        B b = new B("paths", Shape.ANY, "GET", "/").raw();
        String target = pick(
                r,
                "/nothing",
                "/oauth2/token/../jwks",
                "/oauth2/%2e%2e/admin/api/applications",
                "/admin/api/../api/whoami",
                "/admin/api/applications/../../../oauth2/jwks",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/..%2f..%2f..%2fetc%2fpasswd",
                "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/admin/api//applications",
                "/admin/api/applications;jsessionid=x",
                "/admin/api/applications%2f",
                "/admin/api/%61pplications",
                "/admin/api/APPLICATIONS",
                "/admin/api/applications.json",
                "/admin/api/",
                "/admin/api",
                "/" + "a/".repeat(pick(r, 100, 2_000, 4_000)),
                "/" + "%2e%2e/".repeat(200),
                "/~root",
                "/.git/config",
                "/.env",
                "/server-status",
                "/console",
                "/__asadmin/list",
                "/management/domain",
                "/metrics",
                "/admin/api/applications?%",
                "/admin/api/applications?" + "&".repeat(5_000),
                "/oauth2/token%00",
                "/oauth2/token;x=y");
        b.target(target).what("path").bearer(context.adminToken()).secret(context.adminToken());
        return b;
    }

    private static void chunked(SplittableRandom r, B b, String body) {
        String hex = Integer.toHexString(body.length());
        String encoded =
                switch (r.nextInt(6)) {
                    case 0 -> hex + "\r\n" + body + "\r\n0\r\n\r\n";
                    case 1 -> "ffffffffffffffff\r\n" + body + "\r\n0\r\n\r\n";
                    case 2 -> "zz\r\n" + body + "\r\n0\r\n\r\n";
                    case 3 -> hex + ";ext=" + "e".repeat(5_000) + "\r\n" + body + "\r\n0\r\n\r\n";
                    case 4 -> hex + "\r\n" + body;
                    default -> "-5\r\nabc\r\n0\r\n\r\n";
                };
        b.what("chunked body").raw().header("Transfer-Encoding", "chunked").body(encoded);
        if (!encoded.startsWith(hex + "\r\n")) {
            b.protocol(); // a malformed chunk is the HTTP layer's to refuse
        }
        if (encoded.endsWith(body)) {
            b.option(Option.TRUNCATED);
        }
        if (r.nextBoolean()) {
            b.header("Content-Length", Integer.toString(encoded.length())).protocol();
        }
    }

    // --- helpers ---

    /** Builds one request. */
    private static final class B {

        private final String endpoint;
        private Shape shape;
        private String method;
        private String target;
        private String version = "HTTP/1.1";
        private String what = "";
        private final List<Header> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private String trailer = "";
        private Flow flow = Flow.PLAIN;
        private EnumSet<Option> options = EnumSet.noneOf(Option.class);
        private final List<String> secrets = new ArrayList<>();
        private boolean contentTypeSet;

        B(String endpoint, Shape shape, String method, String target) {
            this.endpoint = endpoint;
            this.shape = shape;
            this.method = method;
            this.target = target;
        }

        B what(String value) {
            what = value;
            return this;
        }

        B shape(Shape value) {
            shape = value;
            return this;
        }

        B method(String value) {
            method = value;
            return this;
        }

        B target(String value) {
            target = value;
            return this;
        }

        B version(String value) {
            version = value;
            return this;
        }

        B flow(Flow value) {
            flow = value;
            return this;
        }

        B option(Option option) {
            options.add(option);
            return this;
        }

        B options(EnumSet<Option> value) {
            options = value;
            return this;
        }

        B raw() {
            return option(Option.RAW);
        }

        B protocol() {
            return option(Option.PROTOCOL);
        }

        B header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        B contentType(String value) {
            contentTypeSet = true;
            headers.removeIf(header -> header.name().equals("Content-Type"));
            return header("Content-Type", value);
        }

        B noContentType() {
            contentTypeSet = true;
            headers.removeIf(header -> header.name().equals("Content-Type"));
            return this;
        }

        B bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        B replaceAuthorization(String value) {
            headers.removeIf(header -> header.name().equals("Authorization"));
            return value == null ? this : header("Authorization", value);
        }

        B basicRaw(String base64) {
            return header("Authorization", "Basic " + base64);
        }

        B form(String value) {
            if (!contentTypeSet) {
                contentType(FORM);
            }
            return body(value);
        }

        B json(String value) {
            if (!contentTypeSet) {
                contentType(JSON);
            }
            return body(value);
        }

        B body(String value) {
            return body(value.getBytes(StandardCharsets.UTF_8));
        }

        B body(byte[] value) {
            body = value;
            return this;
        }

        B noBody() {
            body = new byte[0];
            if (headers.stream().anyMatch(header -> header.name().equals("Content-Type"))) {
                noContentType();
            }
            return this;
        }

        B trailer(String value) {
            trailer = value;
            return this;
        }

        B secret(String value) {
            secrets.add(value);
            return this;
        }

        /**
         * Whether the container's HTTP layer refuses this before the WAR sees it (so the answer may be a bodiless
         * 4xx): bytes outside visible ASCII in the request line or a header, an encoded path that is not UTF-8 text
         * or holds a control character or an encoded '/', '\' or '.' (Payara's "400 Invalid URI"), headers beyond
         * the container's 8 KB, TRACE, which Payara turns down itself,
         * and a body on a method whose body has no meaning (RFC 9110 §9.3.1: some implementations reject it).
         */
        private boolean refusedByTheHttpLayer() {
            int headerBytes = 0;
            for (Header header : headers) {
                String line = header.name() + (header.value() == null ? "" : header.value());
                headerBytes += line.length() + 4;
                if (header.value() == null || !visibleAscii(line.replace("\t", " "))) {
                    return true;
                }
            }
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            boolean bodyWithoutMeaning = body.length > 0
                    && Set.of("GET", "HEAD", "DELETE", "OPTIONS").contains(method);
            String lowerPath = path.toLowerCase(java.util.Locale.ROOT);
            boolean encodedSeparator =
                    lowerPath.contains("%2f") || lowerPath.contains("%5c") || lowerPath.contains("%2e");
            return headerBytes > 7_000
                    || encodedSeparator
                    || method.equals("TRACE")
                    || bodyWithoutMeaning
                    || !visibleAscii(method + target)
                    || !decodesToText(path);
        }

        private static boolean visibleAscii(String text) {
            return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        }

        private static boolean decodesToText(String path) {
            try {
                String decoded = StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(percentDecoded(path)))
                        .toString();
                return decoded.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
            } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }

        /** @throws IllegalArgumentException on a malformed escape */
        private static byte[] percentDecoded(String path) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '%') {
                    if (i + 2 >= path.length()) {
                        throw new IllegalArgumentException("a cut escape");
                    }
                    bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toByteArray();
        }

        String newSecret(SplittableRandom r) {
            String secret = "pw-" + alnum(r, 30);
            secrets.add(secret);
            return secret;
        }

        HostileRequest build(int index) {
            byte[] all = trailer.isEmpty() ? body : concat(body, ascii(trailer));
            if (!version.equals("HTTP/1.1")) {
                options.add(Option.RAW);
            }
            if (refusedByTheHttpLayer()) {
                options.add(Option.PROTOCOL);
            }
            return new HostileRequest(
                    index,
                    endpoint,
                    what,
                    shape,
                    method,
                    target,
                    version,
                    List.copyOf(headers),
                    all,
                    flow,
                    options,
                    List.copyOf(secrets));
        }
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom r, T... values) {
        return values[r.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom r, List<T> values) {
        return values.get(r.nextInt(values.size()));
    }

    private static String alnum(SplittableRandom r, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static byte[] bytes(SplittableRandom r, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) r.nextInt(256);
        }
        return bytes;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
