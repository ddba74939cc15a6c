package io.latchkey.web.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads request records: strict UTF-8, the whole document checked by JSON-P first, then bound by
 * JSON-B. The check first is not a nicety: Yasson skipping an unknown property whose array never
 * closes ({"x":[ ) never returned on Payara 6.2025.10, holding a request thread for good.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Record> {

    private static final Jsonb JSONB = JsonbBuilder.create();

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
        try (var reader = Json.createReader(new StringReader(text))) {
            reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax; Parsson's depth limit (1,000) throws a plain RuntimeException.
            throw new ProcessingException("the body is not JSON", e);
        }
        try {
            return (Record) JSONB.fromJson(text, genericType);
        } catch (JsonbException | ClassCastException e) {
            throw new ProcessingException("the body does not fit " + type.getSimpleName(), e);
        }
    }
}
