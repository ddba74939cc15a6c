package io.latchkey.web.oidc;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How the provider's endpoints answer. OAuth clients read errors as RFC 6749's JSON
 * ({@code error}, {@code error_description}) with {@code Content-Type: application/json}, which their
 * libraries require, so these endpoints do not use the API's problem details; browsers get a page.
 */
final class OidcResponses {

    private OidcResponses() {
    }

    static byte[] jsonBytes(Map<String, ?> members) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        members.forEach((name, value) -> object.add(name, toJson(value)));
        StringWriter text = new StringWriter();
        Json.createWriter(text).writeObject(object.build());
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void json(HttpServletResponse response, int status, Map<String, ?> members) throws IOException {
        byte[] body = jsonBytes(members);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void error(HttpServletResponse response, int status, String error, String description) throws IOException {
        json(response, status, Map.of("error", error, "error_description", description));
    }

    /** A page for the person in the browser when the request cannot be answered to the application. */
    static void errorPage(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Latchkey: cannot continue</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="%s/assets/app.css"></head>
                <body><main><h1>Latchkey</h1><p id="message" class="error" role="alert">%s</p>
                <p>Go back to the application and try again, or tell its administrator.</p></main></body></html>
                """.formatted(request.getContextPath(), escape(message));
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static JsonValue toJson(Object value) {
        if (value instanceof String s) {
            return Json.createValue(s);
        }
        if (value instanceof Long l) {
            return Json.createValue(l);
        }
        if (value instanceof Integer i) {
            return Json.createValue(i);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Collection<?> list) {
            var array = Json.createArrayBuilder();
            list.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        throw new IllegalArgumentException("no JSON form for " + value.getClass());
    }
}
