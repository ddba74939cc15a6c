package io.latchkey.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;
import io.latchkey.session.IssuedTokens;
import io.latchkey.webauthn.Passkey;
import io.latchkey.webauthn.RegistrationOutcome;

/**
 * Where the refresh token goes: the JSON body by default, or only an {@code HttpOnly; Secure;
 * SameSite=Strict} cookie scoped to the token path for a browser that asks with
 * {@code Refresh-Token-Delivery: cookie} (the header is the CSRF defence).
 */
class TokenDeliveryTest {

    private static final IssuedTokens TOKENS = new IssuedTokens("access-jwt", Duration.ofMinutes(15), "refresh-secret",
            Duration.ofDays(14), UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final UriInfo API = uri("http://localhost:8080/auth/api/");

    @Test
    void byDefaultTheRefreshTokenIsInTheBodyAndNoCookieIsSet() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(), Map.of()), API);

        Responses.TokenBody body = (Responses.TokenBody) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(body.accessToken()).isEqualTo("access-jwt");
        assertThat(body.refreshToken()).isEqualTo("refresh-secret");
        assertThat(response.getCookies()).isEmpty();
    }

    @Test
    void aTokenResponseIsNeverCached() {
        // RFC 6749, 5.1: Cache-Control: no-store and Pragma: no-cache on every response with tokens.
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(), Map.of()), API);

        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(response.getHeaderString("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void inCookieModeTheRefreshTokenTravelsOnlyInTheCookie() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of()), API);

        Responses.TokenBody body = (Responses.TokenBody) response.getEntity();
        assertThat(body.refreshToken()).isNull();
        assertThat(body.accessToken()).isEqualTo("access-jwt");
        assertThat(body.refreshExpiresIn()).isEqualTo(Duration.ofDays(14).toSeconds());
        assertThat(response.getCookies().get(TokenDelivery.COOKIE).getValue()).isEqualTo("refresh-secret");
    }

    @Test
    void theRefreshCookieIsHttpOnlySecureStrictAndSeenOnlyByTheTokenPath() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of()), API);

        NewCookie cookie = response.getCookies().get(TokenDelivery.COOKIE);
        assertThat(cookie.getName()).isEqualTo("__Secure-latchkey-refresh");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
        assertThat(cookie.getPath()).isEqualTo("/auth/api/token");
        assertThat(cookie.getMaxAge()).isEqualTo((int) Duration.ofDays(14).toSeconds());
        assertThat(response.getHeaderString(HttpHeaders.SET_COOKIE))
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/auth/api/token");
    }

    @Test
    void theCookiePathFollowsWhereTheApiIsDeployed() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of()),
                uri("https://sso.example/login/api/"));

        assertThat(response.getCookies().get(TokenDelivery.COOKIE).getPath()).isEqualTo("/login/api/token");
    }

    @Test
    void theDeliveryHeaderIsReadWithoutRegardToCase() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(TokenDelivery.HEADER, "Cookie"), Map.of()), API);

        assertThat(((Responses.TokenBody) response.getEntity()).refreshToken()).isNull();
        assertThat(response.getCookies()).containsKey(TokenDelivery.COOKIE);
    }

    @Test
    void anyOtherDeliveryValueMeansTheBody() {
        Response response = TokenDelivery.tokens(TOKENS, headers(Map.of(TokenDelivery.HEADER, "cookies"), Map.of()), API);

        assertThat(((Responses.TokenBody) response.getEntity()).refreshToken()).isEqualTo("refresh-secret");
        assertThat(response.getCookies()).isEmpty();
    }

    @Test
    void aRefreshTokenInTheBodyIsTheOnePresented() {
        String presented = TokenDelivery.presentedRefreshToken(new Requests.Refresh("from-body"),
                headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of(TokenDelivery.COOKIE, "from-cookie")));

        assertThat(presented).isEqualTo("from-body");
    }

    @Test
    void inCookieModeTheCookieIsPresentedWhenTheBodyHasNone() {
        HttpHeaders cookieMode = headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of(TokenDelivery.COOKIE, "from-cookie"));

        assertThat(TokenDelivery.presentedRefreshToken(null, cookieMode)).isEqualTo("from-cookie");
        assertThat(TokenDelivery.presentedRefreshToken(new Requests.Refresh(null), cookieMode)).isEqualTo("from-cookie");
    }

    @Test
    void aCookieWithoutTheDeliveryHeaderIsRefusedAsCrossSiteRequestForgeryWouldSendIt() {
        HttpHeaders cookieOnly = headers(Map.of(), Map.of(TokenDelivery.COOKIE, "from-cookie"));

        assertThatThrownBy(() -> TokenDelivery.presentedRefreshToken(null, cookieOnly))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("refresh_token", "A refresh by cookie needs the header Refresh-Token-Delivery: cookie.")));
    }

    @Test
    void noRefreshTokenAnywhereIsRefusedByItsJsonName() {
        assertThatThrownBy(() -> TokenDelivery.presentedRefreshToken(null, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("refresh_token", "A refresh token is required.")));
    }

    @Test
    void theExpiredCookieReplacesTheRefreshCookieWithNothing() {
        NewCookie expired = TokenDelivery.expired(API);

        assertThat(expired.getName()).isEqualTo(TokenDelivery.COOKIE);
        assertThat(expired.getValue()).isEmpty();
        assertThat(expired.getMaxAge()).isZero();
        // Same name, path and flags, or the browser keeps the old one.
        assertThat(expired.getPath()).isEqualTo("/auth/api/token");
        assertThat(expired.isSecure()).isTrue();
        assertThat(expired.isHttpOnly()).isTrue();
        assertThat(expired.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
    }

    @Test
    void aPasswordlessSignUpDeliversItsTokensAsTheClientAsked() {
        Passkey passkey = passkey();
        RegistrationOutcome signUp = new RegistrationOutcome(passkey, Optional.of(ResponsesTest.alice()), Optional.of(TOKENS));

        Response response = TokenDelivery.registration(signUp, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of()), API);

        Responses.RegistrationBody body = (Responses.RegistrationBody) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeaderString(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(body.passkey()).isEqualTo(passkey);
        assertThat(body.account().username()).isEqualTo("alice");
        assertThat(body.tokens().accessToken()).isEqualTo("access-jwt");
        assertThat(body.tokens().refreshToken()).isNull();
        assertThat(response.getCookies().get(TokenDelivery.COOKIE).getValue()).isEqualTo("refresh-secret");
    }

    @Test
    void anAddedPasskeyComesWithoutAccountTokensOrCookie() {
        RegistrationOutcome added = new RegistrationOutcome(passkey(), Optional.empty(), Optional.empty());

        Response response = TokenDelivery.registration(added, headers(Map.of(TokenDelivery.HEADER, "cookie"), Map.of()), API);

        Responses.RegistrationBody body = (Responses.RegistrationBody) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(body.account()).isNull();
        assertThat(body.tokens()).isNull();
        assertThat(response.getCookies()).isEmpty();
    }

    static Passkey passkey() {
        return new Passkey("Y3JlZA", "Laptop", Instant.parse("2026-11-29T10:00:00Z"), null, "00000000-0000-0000-0000-000000000000",
                List.of("internal"), true, false, true);
    }

    static UriInfo uri(String base) {
        return (UriInfo) Proxy.newProxyInstance(TokenDeliveryTest.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBaseUri" -> URI.create(base);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static HttpHeaders headers(Map<String, String> values, Map<String, String> cookies) {
        return (HttpHeaders) Proxy.newProxyInstance(TokenDeliveryTest.class.getClassLoader(), new Class<?>[] {HttpHeaders.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeaderString" -> values.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getCookies" -> cookies.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> new Cookie.Builder(e.getKey()).value(e.getValue()).build()));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
