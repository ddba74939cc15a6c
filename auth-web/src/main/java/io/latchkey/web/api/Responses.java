package io.latchkey.web.api;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import io.latchkey.account.Account;
import io.latchkey.account.AccountPage;
import io.latchkey.audit.AuditEvent;
import io.latchkey.audit.AuditPage;
import io.latchkey.session.IssuedTokens;
import io.latchkey.webauthn.CeremonyOptions;
import io.latchkey.webauthn.Passkey;

/** Response bodies, as API.md spells them. */
public final class Responses {

    private Responses() {
    }

    @JsonbPropertyOrder({"id", "username", "displayName", "createdAt"})
    public record AccountBody(String id, String username, String displayName, Instant createdAt) {
        public static AccountBody of(Account account) {
            return new AccountBody(account.id().toString(), account.username().value(), account.displayName(),
                    account.createdAt());
        }
    }

    @JsonbPropertyOrder({"access_token", "token_type", "expires_in", "refresh_token", "refresh_expires_in"})
    public record TokenBody(@JsonbProperty("access_token") String accessToken,
            @JsonbProperty("token_type") String tokenType,
            @JsonbProperty("expires_in") long expiresIn,
            @JsonbProperty("refresh_token") String refreshToken,
            @JsonbProperty("refresh_expires_in") long refreshExpiresIn) {

        public static TokenBody of(IssuedTokens tokens) {
            return new TokenBody(tokens.accessToken(), "Bearer", tokens.accessExpiresIn().toSeconds(),
                    tokens.refreshToken(), tokens.refreshExpiresIn().toSeconds());
        }

        /** For cookie delivery: the refresh token travels in the cookie only. */
        TokenBody withoutRefreshToken() {
            return new TokenBody(accessToken, tokenType, expiresIn, null, refreshExpiresIn);
        }

        @Override
        public String toString() {
            return "TokenBody[expiresIn=" + expiresIn + "]";
        }
    }

    public record OptionsBody(String requestId, JsonObject publicKey) {
        public static OptionsBody of(CeremonyOptions options) {
            try (JsonReader reader = Json.createReader(new StringReader(options.publicKeyJson()))) {
                return new OptionsBody(options.requestId(), reader.readObject());
            }
        }
    }

    @JsonbPropertyOrder({"passkey", "account", "tokens"})
    public record RegistrationBody(Passkey passkey, AccountBody account, TokenBody tokens) {
    }

    @JsonbPropertyOrder({"id", "username", "displayName", "createdAt", "status", "groups", "passwordSet"})
    public record AdminAccountBody(String id, String username, String displayName, Instant createdAt, String status,
            List<String> groups, boolean passwordSet) {
        public AdminAccountBody {
            groups = List.copyOf(groups);
        }

        public static AdminAccountBody of(Account account) {
            return new AdminAccountBody(account.id().toString(), account.username().value(), account.displayName(),
                    account.createdAt(), account.status().name().toLowerCase(java.util.Locale.ROOT), account.groups(),
                    account.passwordSet());
        }
    }

    @JsonbPropertyOrder({"items", "offset", "limit", "total"})
    public record AccountPageBody(List<AdminAccountBody> items, int offset, int limit, long total) {
        public AccountPageBody {
            items = List.copyOf(items);
        }

        public static AccountPageBody of(AccountPage page) {
            return new AccountPageBody(page.items().stream().map(AdminAccountBody::of).toList(), page.offset(),
                    page.limit(), page.total());
        }
    }

    @JsonbPropertyOrder({"id", "username", "displayName", "groups", "passwordSet", "passkeys"})
    public record MeBody(String id, String username, String displayName, List<String> groups, boolean passwordSet,
            int passkeys) {
        public MeBody {
            groups = List.copyOf(groups);
        }
    }

    /** An audit event; absent parts are left out. {@code detail} is a JSON object. */
    @JsonbPropertyOrder({"id", "time", "type", "account", "username", "actor", "reason", "detail", "clientIp", "userAgent",
            "requestId"})
    public record AuditEventBody(long id, Instant time, String type, String account, String username, String actor,
            String reason, JsonObject detail, String clientIp, String userAgent, String requestId) {

        public static AuditEventBody of(AuditEvent event) {
            return new AuditEventBody(event.seq(), event.occurredAt(), event.type().name(),
                    event.accountId().map(java.util.UUID::toString).orElse(null), event.username().orElse(null),
                    event.actor().orElse(null), event.reason().orElse(null), event.detail().map(Responses::object).orElse(null),
                    event.clientIp(), event.userAgent(), event.requestId());
        }
    }

    private static JsonObject object(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** {@code next}: pass it as {@code after} to read the following page; absent on the last page. */
    @JsonbPropertyOrder({"events", "next"})
    public record AuditPageBody(List<AuditEventBody> events, String next) {
        public AuditPageBody {
            events = List.copyOf(events);
        }

        public static AuditPageBody of(AuditPage page) {
            return new AuditPageBody(page.events().stream().map(AuditEventBody::of).toList(),
                    page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null);
        }
    }

    /** The new codes, shown once. */
    public record RecoveryCodesBody(List<String> codes) {
        public static RecoveryCodesBody of(io.latchkey.recovery.RecoveryCodes codes) {
            return new RecoveryCodesBody(codes.codes());
        }

        @Override
        public String toString() {
            return "RecoveryCodesBody[count=" + codes.size() + "]";
        }
    }

    /** {@code createdAt} is null when the account has no codes. */
    public record RecoveryStatusBody(int remaining, Instant createdAt) {
        public static RecoveryStatusBody of(io.latchkey.recovery.RecoveryStatus status) {
            return new RecoveryStatusBody(status.remaining(), status.createdAt().orElse(null));
        }
    }

    /** An administrator's one-time code, shown to the administrator once. */
    public record OneTimeCodeBody(String code, Instant expiresAt) {
        public static OneTimeCodeBody of(io.latchkey.recovery.OneTimeCode code) {
            return new OneTimeCodeBody(code.code(), code.expiresAt());
        }

        @Override
        public String toString() {
            return "OneTimeCodeBody[expiresAt=" + expiresAt + "]";
        }
    }

    /** One account as an administrator opens it. */
    @JsonbPropertyOrder({"account", "passkeys", "sessions"})
    public record AdminAccountDetailBody(AdminAccountBody account, List<AdminPasskeyBody> passkeys,
            List<OpenSessionBody> sessions) {
        public AdminAccountDetailBody {
            passkeys = List.copyOf(passkeys);
            sessions = List.copyOf(sessions);
        }

        public static AdminAccountDetailBody of(io.latchkey.admin.AccountDetail detail) {
            return new AdminAccountDetailBody(AdminAccountBody.of(detail.account()),
                    detail.passkeys().stream().map(AdminPasskeyBody::of).toList(),
                    detail.sessions().stream().map(OpenSessionBody::of).toList());
        }
    }

    /** A passkey as its owner sees it, and {@code cloneSuspectedAt} when its counter last went backwards. */
    @JsonbPropertyOrder({"id", "nickname", "createdAt", "lastUsedAt", "aaguid", "transports", "backupEligible", "backedUp",
            "userVerified", "cloneSuspectedAt"})
    public record AdminPasskeyBody(String id, String nickname, Instant createdAt, Instant lastUsedAt, String aaguid,
            List<String> transports, boolean backupEligible, boolean backedUp, boolean userVerified,
            Instant cloneSuspectedAt) {
        public AdminPasskeyBody {
            transports = List.copyOf(transports);
        }

        public static AdminPasskeyBody of(io.latchkey.webauthn.ManagedPasskey managed) {
            Passkey p = managed.passkey();
            return new AdminPasskeyBody(p.id(), p.nickname(), p.createdAt(), p.lastUsedAt(), p.aaguid(), p.transports(),
                    p.backupEligible(), p.backedUp(), p.userVerified(), managed.cloneSuspectedAt().orElse(null));
        }
    }

    /** An open session; parts not recorded (sessions older than their recording) are left out. */
    @JsonbPropertyOrder({"id", "startedAt", "authTime", "lastRefreshedAt", "expiresAt", "amr", "clientIp", "userAgent",
            "clientId"})
    public record OpenSessionBody(String id, Instant startedAt, Instant authTime, Instant lastRefreshedAt, Instant expiresAt,
            List<String> amr, String clientIp, String userAgent, String clientId) {
        public OpenSessionBody {
            amr = List.copyOf(amr);
        }

        public static OpenSessionBody of(io.latchkey.session.OpenSession session) {
            return new OpenSessionBody(session.id().toString(), session.startedAt().orElse(null), session.authTime(),
                    session.lastRefreshedAt().orElse(null), session.expiresAt(), session.amr(),
                    session.clientIp().orElse(null), session.userAgent().orElse(null), session.clientId().orElse(null));
        }
    }
}
