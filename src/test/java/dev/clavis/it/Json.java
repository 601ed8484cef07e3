package dev.clavis.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object for a request body, built member by member: {@code Json.object().put("clientId", id).put("roles",
 * List.of("pos.sales.read"))}. Nimbus writes it, so quotes, control characters and any script come out escaped, and
 * a test says what it sends rather than how to spell it. Members keep their order; putting a name again replaces its
 * value in place. Bodies that must be malformed are written out as strings instead.
 */
final class Json {

    private final Map<String, Object> members = new LinkedHashMap<>();

    private Json() {}

    static Json object() {
        return new Json();
    }

    /** @param value a string, number, boolean, list of those, or another {@link Json} object */
    Json put(String name, Object value) {
        members.put(name, value instanceof Json object ? object.members : value);
        return this;
    }

    @Override
    public String toString() {
        return JSONObjectUtils.toJSONString(members);
    }
}
