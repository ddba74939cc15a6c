package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.UserIdentity;

import io.latchkey.rejection.FieldError;
import io.latchkey.rejection.InvalidInputException;

class YubicoJsonTest {

    private static final PublicKeyCredentialCreationOptions OPTIONS = PublicKeyCredentialCreationOptions.builder()
            .rp(RelyingPartyIdentity.builder().id("localhost").name("Latchkey").build())
            .user(UserIdentity.builder().name("alice").displayName("Alice").id(new ByteArray(new byte[] {1, 2, 3})).build())
            .challenge(new ByteArray(new byte[] {(byte) 0xfb, (byte) 0xff, 0x00, 0x01}))
            .pubKeyCredParams(List.of(PublicKeyCredentialParameters.ES256))
            .timeout(300_000L)
            .build();

    @Test
    void aStoredRequestReadsBackAsTheSameRequest() {
        String stored = YubicoJson.write(OPTIONS);
        assertThat(YubicoJson.read(stored, PublicKeyCredentialCreationOptions.class)).isEqualTo(OPTIONS);
    }

    @Test
    void theBrowserGetsThePublicKeyMemberWithBase64UrlBinaries() throws Exception {
        JsonNode browser = new ObjectMapper().readTree(YubicoJson.browserJson(OPTIONS));
        assertThat(browser.has("publicKey")).isFalse();
        assertThat(browser.path("rp").path("id").asText()).isEqualTo("localhost");
        assertThat(browser.path("challenge").asText()).isEqualTo("-_8AAQ");
        assertThat(browser.path("user").path("id").asText()).isEqualTo("AQID");
    }

    @Test
    void theBrowserGetsWhatTheLibraryItselfWouldSend() throws Exception {
        JsonNode library = new ObjectMapper().readTree(OPTIONS.toCredentialsCreateJson()).get("publicKey");
        assertThat(new ObjectMapper().readTree(YubicoJson.browserJson(OPTIONS))).isEqualTo(library);
        assertThat(new ObjectMapper().readTree(YubicoJson.write(OPTIONS))).isEqualTo(new ObjectMapper().readTree(OPTIONS.toJson()));
    }

    @Test
    void anUnreadableStoredCeremonyIsOurFailureNotTheClients() {
        assertThatThrownBy(() -> YubicoJson.read("{not json", PublicKeyCredentialCreationOptions.class))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerThatIsNoRegistrationResponseIsRefusedOnTheCredentialField() {
        for (String json : new String[] {"", "{}", "[1]", "{\"id\":\"AA\",\"type\":\"public-key\"}"}) {
            assertThatThrownBy(() -> YubicoJson.parseRegistration(json)).as(json)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("credential", "The credential is not a valid RegistrationResponseJSON.")));
        }
    }

    @Test
    void anAnswerThatIsNoAuthenticationResponseIsRefusedOnTheCredentialField() {
        for (String json : new String[] {"", "{}", "{\"id\":\"AA\",\"type\":\"public-key\"}"}) {
            assertThatThrownBy(() -> YubicoJson.parseAssertion(json)).as(json)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                            new FieldError("credential", "The credential is not a valid AuthenticationResponseJSON.")));
        }
    }

    @Test
    void anAttestationObjectIsOneCborItem() throws Exception {
        YubicoJson.requireSingleCborItem(attestationObject());
    }

    @Test
    void bytesAfterTheAttestationObjectAreRefused() throws Exception {
        byte[] one = attestationObject();
        byte[] trailing = Arrays.copyOf(one, one.length + 1); // a CBOR 0: a second item
        assertThatThrownBy(() -> YubicoJson.requireSingleCborItem(trailing))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("credential", "The attestation object is not one CBOR item.")));
    }

    @Test
    void aTruncatedAttestationObjectIsRefused() throws Exception {
        byte[] one = attestationObject();
        assertThatThrownBy(() -> YubicoJson.requireSingleCborItem(Arrays.copyOf(one, one.length - 3)))
                .isInstanceOf(InvalidInputException.class);
    }

    private static byte[] attestationObject() throws Exception {
        return new CBORMapper().writeValueAsBytes(Map.of("fmt", "none", "attStmt", Map.of(), "authData", new byte[37]));
    }
}
