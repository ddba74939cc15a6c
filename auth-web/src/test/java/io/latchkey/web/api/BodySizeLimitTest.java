package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.junit.jupiter.api.Test;

import io.latchkey.web.api.problem.BodyTooLargeException;

/** No request body over the limit is parsed: refused by its Content-Length, or while it is read. */
class BodySizeLimitTest {

    private static final int LIMIT = 4096;

    private final BodySizeLimit filter = new BodySizeLimit();
    private final AtomicReference<InputStream> entity = new AtomicReference<>();

    BodySizeLimitTest() {
        filter.settings = new ApiSettings(LIMIT);
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeAByteIsRead() {
        ContainerRequestContext request = request(LIMIT + 1, new byte[LIMIT + 1]);

        assertThatThrownBy(() -> filter.filter(request))
                .isInstanceOfSatisfying(BodyTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(LIMIT));
        assertThat(entity.get()).as("stream never replaced").isNull();
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadWhole() throws IOException {
        filter.filter(request(LIMIT, new byte[LIMIT]));

        assertThat(entity.get().readAllBytes()).hasSize(LIMIT);
    }

    @Test
    void aChunkedBodyThatRunsPastTheLimitFailsWhileBeingRead() {
        filter.filter(request(-1, new byte[LIMIT + 1]));

        assertThatThrownBy(() -> entity.get().readAllBytes())
                .isInstanceOfSatisfying(BodyTooLargeException.Reading.class, e -> assertThat(e.limit()).isEqualTo(LIMIT));
    }

    @Test
    void aBodyLongerThanItsContentLengthSaysIsStoppedAtTheLimitToo() {
        filter.filter(request(10, new byte[LIMIT * 2]));

        assertThatThrownBy(() -> entity.get().readAllBytes()).isInstanceOf(BodyTooLargeException.Reading.class);
    }

    @Test
    void byteByByteReadsAreCountedAsWell() throws IOException {
        filter.filter(request(-1, new byte[LIMIT + 1]));
        InputStream in = entity.get();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(in.read()).isZero();
        }

        assertThatThrownBy(in::read).isInstanceOf(BodyTooLargeException.Reading.class);
    }

    @Test
    void aRequestWithoutABodyIsLeftAlone() {
        filter.filter(request(-1, null));

        assertThat(entity.get()).isNull();
    }

    private ContainerRequestContext request(int announcedLength, byte[] body) {
        return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLength" -> announcedLength;
                    case "hasEntity" -> body != null;
                    case "getEntityStream" -> new ByteArrayInputStream(body);
                    case "setEntityStream" -> {
                        entity.set((InputStream) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
