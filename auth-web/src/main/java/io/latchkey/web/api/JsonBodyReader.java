package io.latchkey.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;

/**
 * Reads request records: strict UTF-8, the whole document checked by JSON-P first, then bound by
 * JSON-B. The check first is not a nicety: Yasson skipping an unknown property whose array never
 * closes ({"x":[ ) never returned on Payara 6.2025.10, holding a request thread for good.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Record> {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /**
     * Looked up once: {@code Json.createParser} looks the JSON-P provider up on every call, which
     * cost as much as a database query per request (bench/README.md, refresh profile).
     */
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());
    /** The JSON names and types of each record's components, found once per type. */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // On a record, the annotation lands on the accessor, field and parameter, not the component.
                JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
                fields.add(new Field(renamed != null ? renamed.value() : component.getName(), component.getType()));
            }
            return List.copyOf(fields);
        }
    };

    private record Field(String name, Class<?> type) {
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getPackageName().equals(JsonBodyReader.class.getPackageName());
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            throw new ProcessingException("the body is not UTF-8", e);
        } catch (IOException e) {
            // Includes a body over the size limit, which the problem mappers answer with 413.
            throw new ProcessingException("the body could not be read", e);
        }
        if (text.isBlank()) {
            return null;
        }
        JsonValue document;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            document = parser.getValue();
            if (parser.hasNext()) {
                throw new ProcessingException("the body holds more than one JSON value");
            }
        } catch (ProcessingException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonException for bad syntax; Parsson's depth limit (1,000) throws a plain RuntimeException.
            throw new ProcessingException("the body is not JSON", e);
        }
        checkTypes(type, document);
        try {
            return (Record) JSONB.fromJson(text, genericType);
        } catch (JsonbException | ClassCastException e) {
            throw new ProcessingException("the body does not fit " + type.getSimpleName(), e);
        }
    }

    /**
     * JSON-B would quietly turn {@code {"username": 42}} into "42"; a field of the wrong JSON type
     * is the client's mistake, so it is refused by name instead.
     */
    private static void checkTypes(Class<?> type, JsonValue document) {
        if (!(document instanceof JsonObject object)) {
            throw new InvalidInputException(List.of(new FieldError("body", "A JSON object is expected.")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Field field : FIELDS.get(type)) {
            String name = field.name();
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (field.type() == String.class && value.getValueType() != JsonValue.ValueType.STRING) {
                errors.add(new FieldError(name, "Must be a string."));
            } else if (field.type() == JsonObject.class && value.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(name, "Must be a JSON object."));
            } else if (field.type() == Boolean.class && value.getValueType() != JsonValue.ValueType.TRUE
                    && value.getValueType() != JsonValue.ValueType.FALSE) {
                errors.add(new FieldError(name, "Must be true or false."));
            } else if (field.type() == List.class && !(value instanceof JsonArray array
                    && array.stream().allMatch(item -> item.getValueType() == JsonValue.ValueType.STRING))) {
                errors.add(new FieldError(name, "Must be an array of strings."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
