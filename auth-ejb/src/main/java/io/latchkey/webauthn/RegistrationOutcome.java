package io.latchkey.webauthn;

import java.util.Optional;

import io.latchkey.account.Account;
import io.latchkey.session.IssuedTokens;

/** A verified registration: the new passkey, and for a passwordless sign-up the new account and its tokens. */
public record RegistrationOutcome(Passkey passkey, Optional<Account> account, Optional<IssuedTokens> tokens) {
}
