package io.latchkey.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;

/**
 * What an administrator registers, checked: a client id of URL-safe characters, absolute redirect
 * URIs without fragments, https unless the host is this machine's loopback (RFC 8252 native apps and
 * development), and at most {@value #MAX_URIS} of each kind.
 */
public record ClientRegistration(String clientId, String name, boolean publicClient, List<String> redirectUris,
        List<String> postLogoutRedirectUris) {

    static final int MAX_URIS = 20;
    static final int MAX_URI_LENGTH = 2000;
    static final int MAX_NAME_LENGTH = 128;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,64}");

    public ClientRegistration {
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** Checks raw input; {@code clientId} comes from the path on an update. */
    public static ClientRegistration parse(String clientId, String name, Boolean publicClient, List<String> redirectUris,
            List<String> postLogoutRedirectUris) {
        List<FieldError> errors = new ArrayList<>();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            errors.add(new FieldError("clientId", "A client id is 1 to 64 letters, digits, '.', '_', '~' or '-'."));
        }
        String displayName = name == null || name.isBlank() ? clientId : name.strip();
        if (displayName != null && (displayName.length() > MAX_NAME_LENGTH || displayName.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("name", "A name has at most " + MAX_NAME_LENGTH + " characters and no control characters."));
        }
        if (publicClient == null) {
            errors.add(new FieldError("public", "Say whether the client is public (true) or confidential (false)."));
        }
        if (redirectUris == null || redirectUris.isEmpty()) {
            errors.add(new FieldError("redirectUris", "At least one redirect URI is required."));
        } else {
            checkUris("redirectUris", redirectUris, errors);
        }
        List<String> postLogout = postLogoutRedirectUris == null ? List.of() : postLogoutRedirectUris;
        checkUris("postLogoutRedirectUris", postLogout, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ClientRegistration(clientId, displayName, publicClient, redirectUris, postLogout);
    }

    private static void checkUris(String field, List<String> uris, List<FieldError> errors) {
        if (uris.size() > MAX_URIS) {
            errors.add(new FieldError(field, "At most " + MAX_URIS + " URIs."));
            return;
        }
        for (String uri : uris) {
            String problem = problemWith(uri);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
                return;
            }
        }
    }

    static String problemWith(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_URI_LENGTH) {
            return "A URI has 1 to " + MAX_URI_LENGTH + " characters.";
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return "'" + abbreviate(raw) + "' is not a URI.";
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return "'" + abbreviate(raw) + "' is not an absolute URI with a host.";
        }
        if (uri.getRawFragment() != null || raw.contains("#")) {
            return "A redirect URI has no fragment (OpenID Connect Core 3.1.2.1).";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            return "A redirect URI uses https (http only for localhost, 127.0.0.1 or [::1]).";
        }
        return null;
    }

    private static String abbreviate(String raw) {
        return raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
    }
}
