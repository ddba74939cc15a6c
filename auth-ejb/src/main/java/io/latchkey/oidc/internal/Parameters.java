package io.latchkey.oidc.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A request's parameters as OAuth reads them: each at most once (RFC 6749, 3.1: a repeated parameter
 * is an invalid request), an empty value the same as none.
 */
public final class Parameters {

    private final Map<String, List<String>> values;

    public Parameters(Map<String, List<String>> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Optional<String> get(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.isEmpty() || given.get(0).isEmpty() ? Optional.empty() : Optional.of(given.get(0));
    }

    public boolean repeated(String name) {
        return values.getOrDefault(name, List.of()).size() > 1;
    }

    /** The first parameter given more than once, if any. */
    public Optional<String> anyRepeated() {
        return values.keySet().stream().filter(this::repeated).findFirst();
    }

    /** The parameters without {@code dropped}, as a query string. */
    public String query(Set<String> dropped) {
        return values.entrySet().stream().filter(e -> !dropped.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
