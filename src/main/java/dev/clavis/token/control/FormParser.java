package dev.clavis.token.control;

import dev.clavis.platform.control.OAuthException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Parses an {@code application/x-www-form-urlencoded} body strictly, as RFC 6749 §3.2 and Appendix B ask.
 *
 * <ul>
 * <li>Names and values are percent-decoded ({@code +} is a space) and must then be valid UTF-8.</li>
 * <li>A parameter that appears twice is an error (§3.2: "MUST NOT be included more than once"), except those that
 * another specification lets repeat (RFC 8707's {@code resource}): the same value again is accepted, a different one
 * is refused with the exception the caller chose.</li>
 * <li>A parameter sent without a value is treated as omitted (§3.1, §3.2).</li>
 * </ul>
 *
 * Names outside {@code knownNames} are not echoed in error descriptions: they are whatever a caller sent.
 */
public final class FormParser {

    private final Set<String> knownNames;
    private final Set<String> repeatable;
    private final Supplier<OAuthException> differentRepeat;

    public FormParser(Set<String> knownNames) {
        this(knownNames, Set.of(), () -> null);
    }

    /**
     * @param repeatable names that may be repeated with the same value
     * @param differentRepeat what a repeated name with another value is refused with
     */
    public FormParser(Set<String> knownNames, Set<String> repeatable, Supplier<OAuthException> differentRepeat) {
        this.knownNames = Set.copyOf(knownNames);
        this.repeatable = Set.copyOf(repeatable);
        this.differentRepeat = differentRepeat;
    }

    /** @return the parameters with a non-empty value; never null */
    public Map<String, String> parse(byte[] body) {
        Map<String, String> parameters = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                addPair(body, start, end, parameters, seen);
            }
            start = end + 1;
        }
        return parameters;
    }

    private void addPair(byte[] body, int start, int end, Map<String, String> parameters, Set<String> seen) {
        int equals = indexOf(body, (byte) '=', start);
        int nameEnd = Math.min(equals, end);
        String name = decode(body, start, nameEnd);
        String value = nameEnd < end ? decode(body, nameEnd + 1, end) : "";
        if (name.isEmpty()) {
            return;
        }
        if (!seen.add(name)) {
            if (repeatable.contains(name)) {
                if (!value.equals(parameters.getOrDefault(name, ""))) {
                    throw differentRepeat.get();
                }
                return;
            }
            String which = knownNames.contains(name) ? "'" + name + "'" : "a parameter";
            throw OAuthException.invalidRequest("The request repeats " + which + "; send each parameter once");
        }
        if (!value.isEmpty()) {
            parameters.put(name, value);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Percent-decodes {@code bytes[start, end)} and reads the result as strict UTF-8. */
    static String decode(byte[] bytes, int start, int end) {
        byte[] out = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw malformedEncoding();
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw malformedEncoding();
                }
                out[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        return strictUtf8(out, length);
    }

    static String strictUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw OAuthException.invalidRequest("The request body is not valid UTF-8");
        }
    }

    private static OAuthException malformedEncoding() {
        return OAuthException.invalidRequest("The request body has a malformed percent-encoding");
    }
}
