package io.latchkey.web.api;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;

/** Request bodies. Presence is checked here; the rules on values live in the capabilities. */
public final class Requests {

    private Requests() {
    }

    public record CreateAccount(@NotNull(message = "A username is required.") String username,
            String password, String displayName) {
        @Override
        public String toString() {
            return "CreateAccount[username=" + username + "]";
        }
    }

    public record Login(@NotNull(message = "A username is required.") String username,
            @NotNull(message = "A password is required.") String password) {
        @Override
        public String toString() {
            return "Login[username=" + username + "]";
        }
    }

    /** A recovery code or an administrator's one-time code; it is never a password, nor the reverse. */
    public record RecoveryLogin(@NotNull(message = "A username is required.") String username,
            @NotNull(message = "A recovery code is required.") String code) {
        @Override
        public String toString() {
            return "RecoveryLogin[username=" + username + "]";
        }
    }

    /** The token may instead come in the refresh cookie (see TokenDelivery). */
    public record Refresh(@JsonbProperty("refresh_token") String refreshToken) {
        @Override
        public String toString() {
            return "Refresh[]";
        }
    }

    public record Logout(@JsonbProperty("refresh_token") String refreshToken) {
        @Override
        public String toString() {
            return "Logout[]";
        }
    }

    public record RegistrationOptions(String username, String displayName) {
    }

    public record FinishCeremony(@NotNull(message = "A requestId is required.") String requestId,
            @NotNull(message = "A credential is required.") JsonObject credential, String nickname) {
        @Override
        public String toString() {
            return "FinishCeremony[requestId=" + requestId + "]";
        }
    }

    public record SignInOptions(String username) {
    }

    public record Rename(@NotNull(message = "A nickname is required.") String nickname) {
    }

    public record ChangePassword(String currentPassword,
            @NotNull(message = "A new password is required.") String newPassword) {
        @Override
        public String toString() {
            return "ChangePassword[]";
        }
    }
}
