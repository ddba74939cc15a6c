package io.latchkey.web.wellknown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachedDocumentTest {

    private static final String KEYS = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"n\":\"xyz\",\"e\":\"AQAB\"}]}";
    private final CachedDocument document = CachedDocument.of(KEYS);

    @Test
    void theTagIsAStrongQuotedHashOfTheBytes() {
        // SHA-256 is 32 bytes: 43 base64url characters, quoted, no W/ prefix.
        assertThat(document.etag()).matches("\"[A-Za-z0-9_-]{43}\"");
        assertThat(CachedDocument.of(KEYS).etag()).isEqualTo(document.etag());
        assertThat(CachedDocument.of(KEYS.replace("xyz", "xyZ")).etag()).isNotEqualTo(document.etag());
    }

    @Test
    void ourTagOrAnyTagIsNotModified() {
        assertThat(document.notModified(document.etag())).isTrue();
        assertThat(document.notModified("*")).isTrue();
        assertThat(document.notModified("\"other\", " + document.etag())).isTrue();
        assertThat(document.notModified(" " + document.etag() + " ")).isTrue();
        // If-None-Match compares weakly (RFC 9110, 13.1.2).
        assertThat(document.notModified("W/" + document.etag())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\"other\"", "W/\"other\"", "\"\"", "x"})
    void anythingElseGetsTheBody(String header) {
        assertThat(document.notModified(header)).isFalse();
    }

    @Test
    void noHeaderGetsTheBody() {
        assertThat(document.notModified(null)).isFalse();
    }

    @Test
    void anUnquotedCopyOfTheHashIsNotOurTag() {
        assertThat(document.notModified(document.etag().replace("\"", ""))).isFalse();
    }

    @Test
    void aChangedKeySetGetsANewDocumentAndTheSameTextKeepsTheOld() {
        assertThat(document.sameOr(KEYS)).isSameAs(document);
        CachedDocument rotated = document.sameOr(KEYS.replace("\"a\"", "\"b\""));
        assertThat(rotated).isNotSameAs(document);
        assertThat(rotated.etag()).isNotEqualTo(document.etag());
        assertThat(document.notModified(rotated.etag())).isFalse();
        assertThat(new String(rotated.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(rotated.text());
    }
}
