package io.latchkey.bench.passkey;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.PublicKeyCredentialParameters;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's own work in a passkey sign-in, with nothing of Latchkey around it: Yubico's
 * {@code RelyingParty.finishAssertion} for one ES256 passkey, one thread, with the relying party set
 * up as Latchkey's {@code RelyingPartyProducer} sets it up (user verification required, counter
 * judged by the caller, so the same assertion can be checked again and again) and an in-memory
 * credential repository. The passkey is registered through the library's own registration ceremony
 * with a software authenticator, and the assertion is that authenticator's answer to a usernameless
 * (discoverable) request: the bytes a browser would send. {@code finishAssertion} takes the parsed
 * response; {@code parseAndFinishAssertion} also parses the AuthenticationResponseJSON, as a server
 * must, with {@code PublicKeyCredential.parseAssertionResponseJson} (as Latchkey's {@code YubicoJson}
 * does), which builds a new Jackson mapper on every call ({@code JacksonCodecs.json()} in 2.9.0);
 * {@code parseWithOneMapperAndFinishAssertion} parses with one such mapper kept, to show what that costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class FinishAssertionBenchmark {

    static final String ORIGIN = "https://localhost:8181";
    private static final ObjectMapper JSON = new ObjectMapper();
    // The mapper parseAssertionResponseJson builds per call; yubico-util is only a runtime dependency.
    private static final ObjectMapper YUBICO_JSON = yubicoJson();
    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs>> ASSERTION =
            new TypeReference<>() {
            };

    private RelyingParty relyingParty;
    private AssertionRequest request;
    private String assertionJson;
    private PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> assertion;

    @Setup
    public void registerAndSign() throws Exception {
        InMemoryCredentials credentials = new InMemoryCredentials();
        relyingParty = RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id("localhost").name("Latchkey bench").build())
                .credentialRepository(credentials)
                .origins(Set.of(ORIGIN))
                .preferredPubkeyParams(List.of(PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.EdDSA,
                        PublicKeyCredentialParameters.RS256))
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(false)
                .build();
        SoftwarePasskey passkey = new SoftwarePasskey();

        ByteArray userHandle = new ByteArray("bench-user-handle-0123456789abcd".getBytes(StandardCharsets.UTF_8));
        PublicKeyCredentialCreationOptions creation = relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name("bench-user").displayName("bench-user").id(userHandle).build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder().residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .build());
        String registration = passkey.register(publicKey(creation.toCredentialsCreateJson()), ORIGIN).toString();
        RegistrationResult registered = relyingParty.finishRegistration(FinishRegistrationOptions.builder().request(creation)
                .response(PublicKeyCredential.parseRegistrationResponseJson(registration)).build());
        credentials.add("bench-user", RegisteredCredential.builder().credentialId(registered.getKeyId().getId())
                .userHandle(userHandle).publicKeyCose(registered.getPublicKeyCose())
                .signatureCount(registered.getSignatureCount()).build());

        request = relyingParty.startAssertion(StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.REQUIRED).build());
        assertionJson = passkey.authenticate(publicKey(request.toCredentialsGetJson()), ORIGIN).toString();
        assertion = PublicKeyCredential.parseAssertionResponseJson(assertionJson);
        if (!finishAssertion().isSuccess() || !parseAndFinishAssertion().isSuccess()
                || !parseWithOneMapperAndFinishAssertion().isSuccess()) {
            throw new IllegalStateException("the software passkey's assertion does not verify");
        }
    }

    @Benchmark
    public AssertionResult finishAssertion() throws Exception {
        return relyingParty.finishAssertion(FinishAssertionOptions.builder().request(request).response(assertion).build());
    }

    @Benchmark
    public AssertionResult parseAndFinishAssertion() throws Exception {
        return relyingParty.finishAssertion(FinishAssertionOptions.builder().request(request)
                .response(PublicKeyCredential.parseAssertionResponseJson(assertionJson)).build());
    }

    @Benchmark
    public AssertionResult parseWithOneMapperAndFinishAssertion() throws Exception {
        return relyingParty.finishAssertion(FinishAssertionOptions.builder().request(request)
                .response(YUBICO_JSON.readValue(assertionJson, ASSERTION)).build());
    }

    private static ObjectMapper yubicoJson() {
        try {
            return (ObjectMapper) Class.forName("com.yubico.internal.util.JacksonCodecs").getMethod("json").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("webauthn-server-core without yubico-util's JacksonCodecs", e);
        }
    }

    private static JsonNode publicKey(String credentialsJson) throws Exception {
        return JSON.readTree(credentialsJson).path("publicKey");
    }

    /** Credentials in maps: the look-ups cost next to nothing, so the figure is the library's. */
    static final class InMemoryCredentials implements CredentialRepository {

        private final Map<String, RegisteredCredential> byUsername = new ConcurrentHashMap<>();

        void add(String username, RegisteredCredential credential) {
            byUsername.put(username, credential);
        }

        @Override
        public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
            return Optional.ofNullable(byUsername.get(username))
                    .map(c -> Set.of(PublicKeyCredentialDescriptor.builder().id(c.getCredentialId()).build())).orElse(Set.of());
        }

        @Override
        public Optional<ByteArray> getUserHandleForUsername(String username) {
            return Optional.ofNullable(byUsername.get(username)).map(RegisteredCredential::getUserHandle);
        }

        @Override
        public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
            return byUsername.entrySet().stream().filter(e -> e.getValue().getUserHandle().equals(userHandle))
                    .map(Map.Entry::getKey).findFirst();
        }

        @Override
        public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
            return byUsername.values().stream()
                    .filter(c -> c.getCredentialId().equals(credentialId) && c.getUserHandle().equals(userHandle)).findFirst();
        }

        @Override
        public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
            return Set.copyOf(byUsername.values().stream().filter(c -> c.getCredentialId().equals(credentialId)).toList());
        }
    }
}
