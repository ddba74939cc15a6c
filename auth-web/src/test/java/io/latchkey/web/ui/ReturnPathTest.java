package io.latchkey.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/demo/a", "/demo/a?tab=2&x=%C3%A9", "/legacy/page#top", "/a+b", "/a%20b"})
    void aPathOnThisOriginIsFollowed(String path) {
        assertThat(ReturnPath.safe(path)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "//evil.example", "/\\evil.example", "/%2F%2Fevil.example",
            "/%2f/evil.example", "/%5Cevil.example", "\\\\evil.example", "javascript:alert(1)", "evil.example",
            "/demo/\r\nSet-Cookie: x=1", "/demo/%0d%0aLocation: x", "/demo/\u0000", "/bad%zz", " /demo", ""})
    void anythingElseIsIgnored(String target) {
        assertThat(ReturnPath.safe(target)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aVeryLongValueIsIgnoredAndNullIsNothing() {
        assertThat(ReturnPath.safe("/" + "a".repeat(ReturnPath.MAX_LENGTH))).isEmpty();
        assertThat(ReturnPath.safe("/" + "a".repeat(ReturnPath.MAX_LENGTH - 1))).isPresent();
        assertThat(ReturnPath.safe(null)).isEmpty();
    }
}
