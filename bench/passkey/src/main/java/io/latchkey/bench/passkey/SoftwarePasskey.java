package io.latchkey.bench.passkey;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One ES256 (P-256) discoverable passkey in software, with user presence and verification and
 * {@code none} attestation: what a platform authenticator and browser answer to
 * {@code navigator.credentials.create()} and {@code .get()}. A trimmed copy of the system tests'
 * {@code io.latchkey.testing.webauthn.SoftwareAuthenticator} (which lives in test scope of
 * {@code src/test}, so a bench module cannot depend on it cleanly), without the tampering. Byte
 * layouts as there: authenticator data (WebAuthn 6.1), attested credential data (6.5.2), assertion
 * signature over {@code authenticatorData || SHA-256(clientDataJSON)} (6.3.3). Not thread-safe: one
 * per thread.
 */
public final class SoftwarePasskey {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte AT = 0x40;

    private final SecureRandom random = new SecureRandom();
    private byte[] credentialId;
    private PrivateKey privateKey;
    private String rpId;
    private byte[] userHandle;
    private long counter;

    /** navigator.credentials.create() on the {@code publicKey} member of the options: a RegistrationResponseJSON. */
    public ObjectNode register(JsonNode options, String origin) {
        rpId = options.path("rp").path("id").asText(URI.create(origin).getHost());
        credentialId = new byte[32];
        random.nextBytes(credentialId);
        KeyPair keys = generate();
        privateKey = keys.getPrivate();
        userHandle = B64URL_DECODER.decode(options.path("user").path("id").asText());
        counter = 1;

        byte[] clientData = clientData("webauthn.create", options.path("challenge").asText(), origin);
        ByteArrayOutputStream attested = new ByteArrayOutputStream();
        attested.writeBytes(new byte[16]); // AAGUID: none
        attested.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        attested.writeBytes(credentialId);
        attested.writeBytes(cosePublicKey((ECPublicKey) keys.getPublic()));
        byte[] authData = authenticatorData(rpId, (byte) (UP | UV | AT), counter, attested.toByteArray());

        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData);

        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("attestationObject", B64URL.encodeToString(Cbor.encode(attestation)));
        response.putArray("transports").add("internal");
        return credentialJson(response);
    }

    /** navigator.credentials.get() on the {@code publicKey} member of the options: an AuthenticationResponseJSON. */
    public ObjectNode authenticate(JsonNode options, String origin) {
        if (credentialId == null) {
            throw new IllegalStateException("register first");
        }
        counter++;
        byte[] clientData = clientData("webauthn.get", options.path("challenge").asText(), origin);
        byte[] authData = authenticatorData(options.path("rpId").asText(rpId), (byte) (UP | UV), counter, new byte[0]);
        byte[] signature = sign(concat(authData, sha256(clientData)));
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("authenticatorData", B64URL.encodeToString(authData))
                .put("signature", B64URL.encodeToString(signature))
                .put("userHandle", B64URL.encodeToString(userHandle));
        return credentialJson(response);
    }

    private ObjectNode credentialJson(ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", B64URL.encodeToString(credentialId))
                .put("rawId", B64URL.encodeToString(credentialId))
                .put("type", "public-key")
                .put("authenticatorAttachment", "platform");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return JSON.createObjectNode().put("type", type).put("challenge", challenge).put("origin", origin)
                .put("crossOrigin", false).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] authenticatorData(String rpId, byte flags, long signCount, byte[] attestedCredentialData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        out.write(flags);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) signCount).array());
        out.writeBytes(attestedCredentialData);
        return out.toByteArray();
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COSE_Key (RFC 9053): EC2 P-256, kty 2, alg -7, crv 1. */
    private static byte[] cosePublicKey(ECPublicKey ec) {
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, unsigned32(ec.getW().getAffineX().toByteArray()));
        cose.put(-3, unsigned32(ec.getW().getAffineY().toByteArray()));
        return Cbor.encode(cose);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unsigned32(byte[] bigEndian) {
        byte[] out = new byte[32];
        int copy = Math.min(32, bigEndian.length);
        System.arraycopy(bigEndian, bigEndian.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The CBOR (RFC 8949) this needs: unsigned and negative integers, byte and text strings, maps. */
    private static final class Cbor {

        private Cbor() {
        }

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            if (value instanceof Integer number) {
                if (number >= 0) {
                    head(out, 0, number);
                } else {
                    head(out, 1, -1L - number);
                }
            } else if (value instanceof byte[] bytes) {
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof String text) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                head(out, 3, utf8.length);
                out.writeBytes(utf8);
            } else if (value instanceof Map<?, ?> map) {
                head(out, 5, map.size());
                map.forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
            } else {
                throw new IllegalArgumentException("no CBOR for " + value);
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long length) {
            int type = major << 5;
            if (length < 24) {
                out.write(type | (int) length);
            } else if (length < 256) {
                out.write(type | 24);
                out.write((int) length);
            } else {
                out.write(type | 25);
                out.write((int) (length >> 8));
                out.write((int) length);
            }
        }
    }
}
