package io.latchkey.web.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request's parameters decoded as UTF-8, from the query string and a form body. Read here rather
 * than through {@code getParameter}, which decodes the query string as ISO-8859-1 on Payara unless
 * the server is configured otherwise, and would hand a client's {@code state} back altered.
 */
final class OidcParameters {

    /** Far above any OAuth request; a larger body is refused unread. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private OidcParameters() {
    }

    /** Empty when the body is larger than {@value #MAX_BODY_BYTES} bytes. */
    static Optional<Map<String, List<String>>> of(HttpServletRequest request) throws IOException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        decodeInto(parameters, request.getQueryString());
        if ("POST".equalsIgnoreCase(request.getMethod()) && isForm(request.getContentType())) {
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                return Optional.empty();
            }
            try (InputStream body = request.getInputStream()) {
                byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
                if (bytes.length > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
                decodeInto(parameters, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return Optional.of(parameters);
    }

    static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    static void decodeInto(Map<String, List<String>> parameters, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray '%' stays as it is, as servlet containers leave it.
            return text;
        }
    }
}
