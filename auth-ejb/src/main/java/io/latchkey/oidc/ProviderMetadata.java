package io.latchkey.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.token.TokenSettings;

/**
 * The discovery document (OpenID Connect Discovery 1.0, 3): every endpoint under the issuer, and
 * only what the provider does. No {@code email} in {@code claims_supported}: Latchkey holds none.
 */
public final class ProviderMetadata {

    private ProviderMetadata() {
    }

    public static Map<String, Object> of(TokenSettings tokens) {
        String issuer = tokens.issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/oidc/authorize");
        metadata.put("token_endpoint", issuer + "/oidc/token");
        metadata.put("userinfo_endpoint", issuer + "/oidc/userinfo");
        metadata.put("end_session_endpoint", issuer + "/oidc/logout");
        metadata.put("jwks_uri", issuer + "/.well-known/jwks.json");
        metadata.put("scopes_supported", List.of("openid", "profile", "groups"));
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("response_modes_supported", List.of("query"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of(tokens.signing().algorithm().name()));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp", "sid", "amr",
                "at_hash", "name", "preferred_username", "groups"));
        metadata.put("prompt_values_supported", List.of("none", "login", "consent", "select_account"));
        metadata.put("claims_parameter_supported", false);
        metadata.put("request_parameter_supported", false);
        metadata.put("request_uri_parameter_supported", false);
        metadata.put("authorization_response_iss_parameter_supported", true);
        return metadata;
    }
}
