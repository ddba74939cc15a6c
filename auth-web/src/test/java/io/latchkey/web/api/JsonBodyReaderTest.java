package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.web.api.problem.BodyTooLargeException;
import io.latchkey.web.api.problem.ProblemDetail;
import io.latchkey.web.api.problem.ProblemType;
import io.latchkey.web.api.problem.UnreadableBodyMapper;

/**
 * Request bodies: strict UTF-8, a JSON object checked whole by JSON-P before JSON-B binds it,
 * fields of the wrong JSON type refused by name. A body that cannot be read is the client's
 * fault: 400, or 413 when it ran past the size limit.
 */
class JsonBodyReaderTest {

    private final JsonBodyReader reader = new JsonBodyReader();

    @Test
    void readsTheApisRequestRecordsOnly() {
        assertThat(reader.isReadable(Requests.Login.class, Requests.Login.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isTrue();
        // A record of another package (here the problem body) is left to the server's own reader.
        assertThat(reader.isReadable(ProblemDetail.class, ProblemDetail.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE))
                .isFalse();
        assertThat(reader.isReadable(String.class, String.class, new Annotation[0], MediaType.APPLICATION_JSON_TYPE)).isFalse();
    }

    @Test
    void bindsFieldsByTheirJsonNames() throws IOException {
        Requests.Login login = read(Requests.Login.class, "{\"username\":\"alice\",\"password\":\"pässwörd\"}");

        assertThat(login.username()).isEqualTo("alice");
        assertThat(login.password()).isEqualTo("pässwörd");
    }

    @Test
    void theRefreshTokenIsReadFromRefreshTokenWithAnUnderscore() throws IOException {
        assertThat(read(Requests.Refresh.class, "{\"refresh_token\":\"abc\"}").refreshToken()).isEqualTo("abc");
        assertThat(read(Requests.Refresh.class, "{\"refreshToken\":\"abc\"}").refreshToken()).isNull();
    }

    @Test
    void unknownFieldsAreIgnoredWhateverTheyHold() throws IOException {
        Requests.SignInOptions options = read(Requests.SignInOptions.class,
                "{\"username\":\"alice\",\"extra\":[1,{\"deep\":[true,null]}],\"more\":{\"x\":\"y\"}}");

        assertThat(options.username()).isEqualTo("alice");
    }

    @Test
    void aBlankBodyIsNoBody() throws IOException {
        assertThat(read(Requests.Logout.class, " \r\n\t")).isNull();
        assertThat(read(Requests.Logout.class, "")).isNull();
    }

    @Test
    void anExplicitNullLeavesTheFieldForValidationToRefuse() throws IOException {
        assertThat(read(Requests.Login.class, "{\"username\":null,\"password\":\"x\"}").username()).isNull();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedAsInvalidRequest() {
        byte[] latin1 = "{\"username\":\"j\u00f6rg\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(problemOf(() -> reader.readFrom(type(Requests.SignInOptions.class), Requests.SignInOptions.class,
                new Annotation[0], MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), new ByteArrayInputStream(latin1))))
                .isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void malformedJsonIsRefusedAsInvalidRequest() {
        assertThat(problemOf(() -> read(Requests.Login.class, "{\"username\":\"alice\",}"))).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(problemOf(() -> read(Requests.Login.class, "{\"username\":\"alice\""))).isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(problemOf(() -> read(Requests.Login.class, "{username:\"alice\"}"))).isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void anUnknownFieldWhoseArrayNeverClosesIsRefusedAtOnce() {
        // Yasson alone never returned on this body on Payara 6.2025.10 (see JsonBodyReader).
        ProblemType type = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> problemOf(() -> read(Requests.Login.class, "{\"x\":[")));

        assertThat(type).isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsRefusedAsInvalidRequest() {
        String deep = "{\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(problemOf(() -> read(Requests.Login.class, deep))).isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void aDocumentThatIsNotAnObjectIsRefusedAsTheBody() {
        for (String notAnObject : new String[] {"[]", "\"alice\"", "42", "true", "null"}) {
            assertThatThrownBy(() -> read(Requests.Login.class, notAnObject)).as(notAnObject)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).containsExactly(new FieldError("body", "A JSON object is expected.")));
        }
    }

    @Test
    void aNumberWhereAStringBelongsIsRefusedByNameNotTurnedIntoText() {
        assertThatThrownBy(() -> read(Requests.Login.class, "{\"username\":42,\"password\":\"x\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("username", "Must be a string.")));
    }

    @Test
    void aRenamedFieldOfTheWrongTypeIsRefusedByItsJsonName() {
        assertThatThrownBy(() -> read(Requests.Refresh.class, "{\"refresh_token\":true}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("refresh_token", "Must be a string.")));
    }

    @Test
    void aFlagAndAListOfStringsMustBeJustThat() {
        assertThatThrownBy(() -> read(ClientsResource.ClientRequest.class,
                "{\"clientId\":\"a\",\"public\":\"yes\",\"redirectUris\":[\"https://a.example/cb\",7]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("public", "Must be true or false."), new FieldError("redirectUris", "Must be an array of strings.")));
    }

    @Test
    void contentAfterTheObjectIsRefused() {
        assertThat(problemOf(() -> read(Requests.Login.class, "{\"username\":\"a\",\"password\":\"p\"} trailing")))
                .isEqualTo(ProblemType.INVALID_REQUEST);
        assertThat(problemOf(() -> read(Requests.Login.class, "{\"username\":\"a\",\"password\":\"p\"}{}")))
                .isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @Test
    void trailingWhitespaceIsFine() throws IOException {
        assertThat(read(Requests.Login.class, "{\"username\":\"a\",\"password\":\"p\"}\n  ").username()).isEqualTo("a");
    }

    @Test
    void everyFieldOfTheWrongTypeIsNamed() {
        assertThatThrownBy(() -> read(Requests.Login.class, "{\"username\":[\"alice\"],\"password\":{\"p\":1}}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "Must be a string."), new FieldError("password", "Must be a string.")));
    }

    @Test
    void aCredentialMustBeAJsonObject() {
        assertThatThrownBy(() -> read(Requests.FinishCeremony.class, "{\"requestId\":\"r\",\"credential\":\"eyJpZCI6MX0\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("credential", "Must be a JSON object.")));
    }

    @Test
    void aCredentialObjectIsKeptAsJson() throws IOException {
        Requests.FinishCeremony finish = read(Requests.FinishCeremony.class,
                "{\"requestId\":\"r\",\"credential\":{\"id\":\"Y3JlZA\",\"response\":{\"clientDataJSON\":\"e30\"}}}");

        assertThat(finish.credential().getString("id")).isEqualTo("Y3JlZA");
        assertThat(finish.credential().getJsonObject("response").getString("clientDataJSON")).isEqualTo("e30");
    }

    @Test
    void aBodyThatRunsPastTheSizeLimitWhileReadIsRefusedAsTooLarge() {
        InputStream overLimit = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new BodyTooLargeException.Reading(4096);
            }
        };

        assertThat(problemOf(() -> reader.readFrom(type(Requests.Login.class), Requests.Login.class, new Annotation[0],
                MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), overLimit))).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    private <T extends Record> T read(Class<T> type, String json) throws IOException {
        return type.cast(reader.readFrom(type(type), type, new Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    @SuppressWarnings("unchecked")
    private static Class<Record> type(Class<? extends Record> type) {
        return (Class<Record>) type;
    }

    /** What the client is answered when reading fails: the problem type the mapper chooses. */
    private static ProblemType problemOf(Reading reading) {
        Throwable failure = catchThrowable(reading::read);
        assertThat(failure).isInstanceOf(ProcessingException.class);
        Response response = new UnreadableBodyMapper().toResponse((ProcessingException) failure);
        ProblemDetail problem = (ProblemDetail) response.getEntity();
        for (ProblemType type : ProblemType.values()) {
            if (type.uri().equals(problem.type())) {
                assertThat(response.getStatus()).isEqualTo(type.status());
                return type;
            }
        }
        throw new AssertionError("no problem type " + problem.type());
    }

    @FunctionalInterface
    private interface Reading {
        Object read() throws Exception;
    }
}
