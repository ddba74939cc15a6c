package io.latchkey.webauthn.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;

import io.latchkey.rejection.InvalidInputException;

/**
 * Between Yubico's types and JSON: the authenticator's answer as the client sent it (rejected
 * input on failure), a started ceremony as we store it, and the options as the browser reads them
 * (our own failure on those: the library wrote them).
 */
public final class YubicoJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR_EXACT = new CBORMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private YubicoJson() {
    }

    /** Writes Yubico JSON ({@code toJson}, {@code toCredentialsCreateJson}, ...). */
    public interface Writer {
        String write() throws JsonProcessingException;
    }

    /** Reads Yubico JSON ({@code PublicKeyCredentialCreationOptions::fromJson}, ...). */
    public interface Reader<T> {
        T read(String json) throws JsonProcessingException;
    }

    /** A RegistrationResponseJSON whose attestation object is exactly one CBOR item. */
    public static PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> parseRegistration(
            String json) {
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseRegistrationResponseJson(json);
        } catch (IOException | RuntimeException e) {
            throw InvalidInputException.of("credential", "The credential is not a valid RegistrationResponseJSON.");
        }
        requireSingleCborItem(credential.getResponse().getAttestationObject().getBytes());
        return credential;
    }

    public static PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> parseAssertion(String json) {
        try {
            return PublicKeyCredential.parseAssertionResponseJson(json);
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

    /** What Yubico's {@code toJson} writes: the form a started ceremony is stored in. */
    public static String write(Writer writer) {
        try {
            return writer.write();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Yubico's JSON serialisation failed", e);
        }
    }

    /** The {@code publicKey} member of Yubico's credentials.create()/get() JSON: what the browser parses. */
    public static String browserJson(Writer credentialsJson) {
        try {
            return JSON.readTree(write(credentialsJson)).get("publicKey").toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored ceremony read back; we wrote it, so failing to read it is our failure. */
    public static <T> T read(String json, Reader<T> reader) {
        try {
            return reader.read(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ceremony is unreadable", e);
        }
    }
}
