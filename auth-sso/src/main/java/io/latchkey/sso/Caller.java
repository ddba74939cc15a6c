package io.latchkey.sso;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who an accepted token stands for: its {@code upn} as the principal's name, its {@code groups},
 * and its claims as MicroProfile JWT presents them (numbers as {@code Long}, lists as {@code Set}s).
 */
public record Caller(String name, List<String> groups, Map<String, Object> claims) {
    public Caller {
        Objects.requireNonNull(name);
        groups = List.copyOf(groups);
        claims = Map.copyOf(claims);
    }
}
