package dev.clavis.platform.boundary;

import dev.clavis.platform.control.FieldError;
import dev.clavis.platform.control.Validation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an admin API request body strictly: at most {@link #MAX_BYTES}, one JSON object, no fields but the known ones,
 * each of the expected type. Every mistake becomes a field-level error rather than a parser's message.
 */
public final class JsonBody {

    public static final int MAX_BYTES = 64 * 1024;

    private final JsonObject object;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonBody(JsonObject object) {
        this.object = object;
    }

    /** @throws ProblemException 413 when too large, 400 when not a JSON object or when it has unknown fields */
    public static JsonBody read(InputStream in, Set<String> knownFields) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw ProblemException.of(
                    413, "Request too large", "The request body is larger than " + MAX_BYTES + " bytes");
        }
        JsonObject object;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ProblemException.of(400, "Invalid request", "The request body must be a JSON object");
            }
            object = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw ProblemException.of(400, "Malformed JSON", "The request body is not valid JSON");
        }
        JsonBody body = new JsonBody(object);
        for (String field : object.keySet()) {
            if (!knownFields.contains(field)) {
                body.errors.add(new FieldError(Validation.printable(field, 64), "is not a field of this resource"));
            }
        }
        return body;
    }

    public boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    public Optional<String> string(String field) {
        return typed(field, JsonValue.ValueType.STRING, "must be a string")
                .map(value -> ((JsonString) value).getString());
    }

    public Optional<Boolean> bool(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return Optional.of(value == JsonValue.TRUE);
        }
        errors.add(new FieldError(field, "must be true or false"));
        return Optional.empty();
    }

    public Optional<Integer> integer(String field) {
        return typed(field, JsonValue.ValueType.NUMBER, "must be a whole number")
                .flatMap(value -> {
                    var number = (jakarta.json.JsonNumber) value;
                    if (!number.isIntegral()
                            || number.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))
                                    > 0) {
                        errors.add(new FieldError(field, "must be a whole number"));
                        return Optional.empty();
                    }
                    return Optional.of(number.intValue());
                });
    }

    public Optional<List<String>> strings(String field) {
        return typed(field, JsonValue.ValueType.ARRAY, "must be an array of strings")
                .flatMap(value -> {
                    JsonArray array = value.asJsonArray();
                    List<String> strings = new ArrayList<>();
                    for (JsonValue item : array) {
                        if (item.getValueType() != JsonValue.ValueType.STRING) {
                            errors.add(new FieldError(field, "must be an array of strings"));
                            return Optional.empty();
                        }
                        strings.add(((JsonString) item).getString());
                    }
                    return Optional.of(strings);
                });
    }

    public Optional<Instant> instant(String field) {
        return string(field).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "must be a UTC time such as 2030-01-31T12:00:00Z"));
                return Optional.empty();
            }
        });
    }

    /** @throws ProblemException 400 listing every field that was unknown or of the wrong type */
    public void requireNoErrors() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private Optional<JsonValue> typed(String field, JsonValue.ValueType type, String message) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonValue value = object.get(field);
        if (value.getValueType() != type) {
            errors.add(new FieldError(field, message));
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
