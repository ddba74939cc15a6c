package io.latchkey.webauthn.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.internal.util.JacksonCodecs;

import io.latchkey.rejection.InvalidInputException;

/**
 * Between Yubico's types and JSON: the authenticator's answer as the client sent it (rejected
 * input on failure), a started ceremony as we store it, and the options as the browser reads them
 * (our own failure on those: the library wrote them). Everything goes through one mapper configured
 * as the library configures its own: the library's {@code fromJson}, {@code toJson} and
 * {@code parse*ResponseJson} build a new mapper on every call, several milliseconds of CPU each,
 * four times per passkey sign-in.
 */
public final class YubicoJson {

    /** The library's own configuration (its modules, base64url, absent members left out), made once. */
    private static final ObjectMapper YUBICO = JacksonCodecs.json();
    private static final ObjectMapper CBOR_EXACT = new CBORMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs>> REGISTRATION =
            new TypeReference<>() {
            };
    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>> ASSERTION =
            new TypeReference<>() {
            };

    private YubicoJson() {
    }

    /** A RegistrationResponseJSON whose attestation object is exactly one CBOR item. */
    public static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> parseRegistration(
            String json) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential;
        try {
            credential = YUBICO.readValue(json, REGISTRATION);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The credential is not a valid RegistrationResponseJSON.");
        }
        requireSingleCborItem(credential.getResponse().getAttestationObject().getBytes());
        return credential;
    }

    public static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> parseAssertion(String json) {
        try {
            return YUBICO.readValue(json, ASSERTION);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The credential is not a valid AuthenticationResponseJSON.");
        }
    }

    /** The library reads the first CBOR item and ignores what follows; an attestation object is exactly one item. */
    static void requireSingleCborItem(byte[] attestationObject) {
        try {
            CBOR_EXACT.readTree(attestationObject);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The attestation object is not one CBOR item.");
        }
    }

    /** What Yubico's {@code toJson} writes (a ceremony's request): the form a started ceremony is stored in. */
    public static String write(Object request) {
        try {
            return YUBICO.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Yubico's JSON serialisation failed", e);
        }
    }

    /**
     * The {@code publicKey} member of Yubico's credentials.create()/get() JSON, for creation or
     * request options: what the browser parses.
     */
    public static String browserJson(Object options) {
        return YUBICO.valueToTree(options).toString();
    }

    /** A stored ceremony read back; we wrote it, so failing to read it is our failure. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return YUBICO.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ceremony is unreadable", e);
        }
    }
}
