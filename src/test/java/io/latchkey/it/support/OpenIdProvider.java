package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Latchkey as an OpenID Connect provider, seen the way a relying party sees it: everything is found
 * through the discovery document; requests are plain HTTP (redirects are never followed, so a test
 * sees each one); ID tokens are verified with nimbus-jose-jwt against the published JWKS.
 */
public final class OpenIdProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final JsonNode metadata;

    private OpenIdProvider(String issuer, JsonNode metadata) {
        this.issuer = issuer;
        this.metadata = metadata;
    }

    /** Reads {@code {issuer}/.well-known/openid-configuration}. */
    public static OpenIdProvider discover(String issuer) {
        HttpResponse<String> reply = Http.send(Http.request(URI.create(issuer + "/.well-known/openid-configuration"))
                .header("Accept", "application/json").GET());
        if (reply.statusCode() != 200) {
            throw new AssertionError("no discovery document at " + issuer + ": " + reply.statusCode() + " " + reply.body());
        }
        return new OpenIdProvider(issuer, json(reply.body()));
    }

    public String issuer() {
        return issuer;
    }

    public JsonNode metadata() {
        return metadata;
    }

    public String endpoint(String name) {
        JsonNode value = metadata.path(name);
        if (!value.isTextual()) {
            throw new AssertionError("discovery has no " + name + ": " + metadata);
        }
        return value.asText();
    }

    /** The ID token signing algorithm the provider announces first. */
    public String signingAlgorithm() {
        return metadata.path("id_token_signing_alg_values_supported").path(0).asText();
    }

    // ---- client registration (administrators) ----

    /** Registers a client; returns the 201 body (with {@code clientSecret} for a confidential client). */
    public static JsonNode register(Api api, String clientId, boolean isPublic, String name, String[] redirectUris,
            String... postLogoutRedirectUris) {
        ObjectNode body = Api.json().put("clientId", clientId).put("public", isPublic).put("name", name);
        ArrayNode redirects = body.putArray("redirectUris");
        for (String uri : redirectUris) {
            redirects.add(uri);
        }
        ArrayNode postLogout = body.putArray("postLogoutRedirectUris");
        for (String uri : postLogoutRedirectUris) {
            postLogout.add(uri);
        }
        Api.Reply created = api.post("api/admin/clients", body, api.adminToken());
        if (created.status() != 201) {
            throw new AssertionError("cannot register client " + clientId + ": " + created);
        }
        return created.json();
    }

    // ---- authorization endpoint ----

    /** A browser navigation to the authorization endpoint with {@code parameters}, with the session cookie when not null. */
    public HttpResponse<String> authorize(Map<String, String> parameters, String sessionCookie) {
        return Http.navigate(URI.create(endpoint("authorization_endpoint") + "?" + form(parameters)), sessionCookie);
    }

    /** The usual parameters of a code request; callers add or replace entries. */
    public static Map<String, String> codeRequest(String clientId, String redirectUri, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", clientId);
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid profile groups");
        parameters.put("state", state);
        return parameters;
    }

    // ---- token endpoint ----

    /** POSTs {@code parameters} to the token endpoint, with HTTP Basic client authentication when {@code clientId} is not null. */
    public HttpResponse<String> token(Map<String, String> parameters, String clientId, String clientSecret) {
        HttpRequest.Builder request = Http.request(URI.create(endpoint("token_endpoint")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters)));
        if (clientId != null) {
            // RFC 6749, 2.3.1: each part form-encoded before Base64.
            String credentials = encode(clientId) + ":" + encode(clientSecret);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return Http.send(request);
    }

    public HttpResponse<String> userinfo(String accessToken, boolean post) {
        HttpRequest.Builder request = Http.request(URI.create(endpoint("userinfo_endpoint")))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        return Http.send(post ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET());
    }

    /** A browser navigation to the end-session endpoint. */
    public HttpResponse<String> endSession(Map<String, String> parameters, String sessionCookie) {
        return Http.navigate(URI.create(endpoint("end_session_endpoint") + "?" + form(parameters)), sessionCookie);
    }

    // ---- ID tokens ----

    public JWKSet keys() {
        try {
            return JWKSet.load(URI.create(endpoint("jwks_uri")).toURL());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError("JWKS does not parse", e);
        }
    }

    /**
     * Verifies an ID token as OpenID Connect Core 3.1.3.7 asks of a client: signature by a published key
     * with the announced algorithm, {@code iss} exactly the issuer, {@code aud} containing the client,
     * {@code exp} in the future; returns its claims.
     */
    public JWTClaimsSet verifyIdToken(String idToken, String clientId) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(signingAlgorithm()), new ImmutableJWKSet<>(keys())));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(clientId,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "aud", "iss")));
        try {
            return processor.process(SignedJWT.parse(idToken), null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new AssertionError("ID token refused: " + e.getMessage(), e);
        }
    }

    // ---- PKCE (RFC 7636) ----

    public static String newVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- small helpers ----

    /** The query parameters of a redirect's Location, decoded. Fragment parameters are not read. */
    public static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.putIfAbsent(name, value) != null) {
                throw new AssertionError("parameter " + name + " twice in " + location);
            }
        }
        return parameters;
    }

    /** The URI of a Location without its query: where a redirect goes. */
    public static String withoutQuery(String location) {
        URI uri = URI.create(location);
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The strings of a JSON array. */
    public static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
