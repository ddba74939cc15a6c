package io.latchkey.oidc;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import io.latchkey.account.Account;
import io.latchkey.account.AccountService;
import io.latchkey.rejection.InvalidTokenException;
import io.latchkey.token.TokenService;
import io.latchkey.token.VerifiedToken;

/** The userinfo endpoint (OpenID Connect Core 5.3): the account behind a live access token, as it is now. */
@Stateless
public class UserInfoService {

    @Inject
    TokenService sessions;

    @Inject
    AccountService accounts;

    public Map<String, Object> claims(String accessToken) {
        VerifiedToken token = sessions.authenticate(accessToken);
        Account account = accounts.find(token.accountId()).filter(Account::active).orElseThrow(InvalidTokenException::new);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", account.id().toString());
        claims.put("preferred_username", account.username().value());
        claims.put("name", account.displayName());
        claims.put("groups", account.groups());
        return claims;
    }
}
