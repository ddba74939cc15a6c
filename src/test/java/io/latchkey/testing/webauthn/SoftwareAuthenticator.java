package io.latchkey.testing.webauthn;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A platform authenticator and browser in one, in software: answers WebAuthn Level 3 ceremonies
 * with {@code none} attestation, ES256 (P-256) or EdDSA (Ed25519) keys, discoverable credentials,
 * user presence and verification. Byte layouts follow the spec: authenticator data (6.1), attested
 * credential data (6.5.2), {@code none} attestation (8.7), assertion signature over
 * {@code authenticatorData || SHA-256(clientDataJSON)} (6.3.3).
 */
public final class SoftwareAuthenticator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;

    private enum Algorithm { ES256, ED25519 }

    private record Credential(byte[] id, PrivateKey privateKey, byte[] cosePublicKey, String rpId, byte[] userHandle) {
    }

    private final Algorithm algorithm;
    private final boolean zeroCounter;
    private final boolean synced;
    private final SecureRandom random = new SecureRandom();
    private final List<Credential> credentials = new ArrayList<>();
    private long counter;

    private SoftwareAuthenticator(Algorithm algorithm, boolean zeroCounter, boolean synced) {
        this.algorithm = algorithm;
        this.zeroCounter = zeroCounter;
        this.synced = synced;
    }

    public static SoftwareAuthenticator es256() {
        return new SoftwareAuthenticator(Algorithm.ES256, false, false);
    }

    public static SoftwareAuthenticator ed25519() {
        return new SoftwareAuthenticator(Algorithm.ED25519, false, false);
    }

    /** Like many platform passkeys: the signature counter stays 0 forever. */
    public SoftwareAuthenticator withZeroCounter() {
        return new SoftwareAuthenticator(algorithm, true, synced);
    }

    /** Like a passkey provider that syncs its passkeys: backup-eligible (BE) and backed up (BS). */
    public SoftwareAuthenticator synced() {
        return new SoftwareAuthenticator(algorithm, zeroCounter, true);
    }

    public int credentialCount() {
        return credentials.size();
    }

    public String lastCredentialId() {
        return B64URL.encodeToString(credentials.get(credentials.size() - 1).id());
    }

    public ObjectNode register(JsonNode creationOptions, String origin) {
        return register(creationOptions, origin, Tamper.none());
    }

    /** navigator.credentials.create(): a RegistrationResponseJSON. */
    public ObjectNode register(JsonNode options, String origin, Tamper tamper) {
        String rpId = options.path("rp").path("id").asText(URI.create(origin).getHost());
        byte[] credentialId = new byte[32];
        random.nextBytes(credentialId);
        KeyPair keys = generate();
        Credential credential = new Credential(credentialId, keys.getPrivate(), cosePublicKey(keys), rpId,
                B64URL_DECODER.decode(options.path("user").path("id").asText()));
        credentials.add(credential);
        counter = tamper.counter().orElse(zeroCounter ? 0 : 1);

        byte[] clientData = clientData("webauthn.create", options.path("challenge").asText(), origin, tamper);
        ByteArrayOutputStream attested = new ByteArrayOutputStream();
        attested.writeBytes(new byte[16]); // AAGUID: none
        attested.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        attested.writeBytes(credentialId);
        attested.writeBytes(credential.cosePublicKey());
        byte[] authData = authenticatorData(tamper.rpId().orElse(rpId), (byte) (flags(tamper) | AT), counter, attested.toByteArray());

        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData);

        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("attestationObject", B64URL.encodeToString(Cbor.encode(attestation)));
        response.putArray("transports").add("internal");
        return credentialJson(credentialId, response);
    }

    public ObjectNode authenticate(JsonNode requestOptions, String origin) {
        return authenticate(requestOptions, origin, Tamper.none());
    }

    /** navigator.credentials.get(): an AuthenticationResponseJSON from the newest matching credential. */
    public ObjectNode authenticate(JsonNode options, String origin, Tamper tamper) {
        String rpId = options.path("rpId").asText(URI.create(origin).getHost());
        List<String> allowed = options.path("allowCredentials").findValuesAsText("id");
        Credential credential = null;
        for (Credential candidate : credentials) {
            if (candidate.rpId().equals(rpId)
                    && (allowed.isEmpty() || allowed.contains(B64URL.encodeToString(candidate.id())))) {
                credential = candidate;
            }
        }
        if (credential == null) {
            throw new IllegalStateException("no credential for " + rpId + " among " + allowed);
        }
        counter = tamper.counter().orElse(zeroCounter ? 0 : counter + 1);
        byte[] clientData = clientData("webauthn.get", options.path("challenge").asText(), origin, tamper);
        byte[] authData = authenticatorData(tamper.rpId().orElse(rpId), flags(tamper), counter, new byte[0]);
        byte[] signature = sign(credential.privateKey(), concat(authData, sha256(clientData)));
        if (tamper.flipSignatureBit()) {
            signature[signature.length / 2] ^= 0x01;
        }
        ObjectNode response = JSON.createObjectNode()
                .put("clientDataJSON", B64URL.encodeToString(clientData))
                .put("authenticatorData", B64URL.encodeToString(authData))
                .put("signature", B64URL.encodeToString(signature))
                .put("userHandle", B64URL.encodeToString(credential.userHandle()));
        return credentialJson(credential.id(), response);
    }

    private static ObjectNode credentialJson(byte[] id, ObjectNode response) {
        ObjectNode credential = JSON.createObjectNode()
                .put("id", B64URL.encodeToString(id))
                .put("rawId", B64URL.encodeToString(id))
                .put("type", "public-key")
                .put("authenticatorAttachment", "platform");
        credential.set("response", response);
        credential.putObject("clientExtensionResults");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin, Tamper tamper) {
        ObjectNode clientData = JSON.createObjectNode()
                .put("type", tamper.clientDataType().orElse(type))
                .put("challenge", tamper.challenge().orElse(challenge))
                .put("origin", tamper.origin().orElse(origin))
                .put("crossOrigin", false);
        return clientData.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte flags(Tamper tamper) {
        byte flags = (byte) (UP | UV);
        if (tamper.backupEligible().orElse(synced)) {
            flags |= synced ? (byte) (BE | BS) : BE;
        }
        if (tamper.clearUserPresent()) {
            flags &= ~UP;
        }
        if (tamper.clearUserVerified()) {
            flags &= ~UV;
        }
        return flags;
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
            if (algorithm == Algorithm.ES256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), random);
                return generator.generateKeyPair();
            }
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COSE_Key (RFC 9053): EC2 P-256 (kty 2, alg -7, crv 1) or OKP Ed25519 (kty 1, alg -8, crv 6). */
    private byte[] cosePublicKey(KeyPair keys) {
        Map<Object, Object> cose = new LinkedHashMap<>();
        if (algorithm == Algorithm.ES256) {
            ECPublicKey ec = (ECPublicKey) keys.getPublic();
            cose.put(1, 2);
            cose.put(3, -7);
            cose.put(-1, 1);
            cose.put(-2, unsigned32(ec.getW().getAffineX().toByteArray()));
            cose.put(-3, unsigned32(ec.getW().getAffineY().toByteArray()));
        } else {
            byte[] x509 = keys.getPublic().getEncoded();
            cose.put(1, 1);
            cose.put(3, -8);
            cose.put(-1, 6);
            cose.put(-2, Arrays.copyOfRange(x509, x509.length - 32, x509.length));
        }
        return Cbor.encode(cose);
    }

    private byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(algorithm == Algorithm.ES256 ? "SHA256withECDSA" : "Ed25519");
            signature.initSign(key);
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
    static final class Cbor {

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
            } else if (length < 65536) {
                out.write(type | 25);
                out.write((int) (length >> 8));
                out.write((int) length);
            } else {
                out.write(type | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) length).array());
            }
        }
    }
}
