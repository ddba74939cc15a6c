package io.latchkey.testing.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

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
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;
import com.yubico.webauthn.data.RelyingPartyIdentity;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;

/**
 * The software authenticator the system tests drive Latchkey with, checked against the Yubico
 * library itself: what it makes must pass a relying party's ceremony, and each tamper must fail it,
 * or the system tests would prove nothing about Latchkey.
 */
class SoftwareAuthenticatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "https://login.example.org";
    private static final ByteArray ALICE = new ByteArray(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    private final Credentials credentials = new Credentials();
    private final RelyingParty relyingParty = RelyingParty.builder()
            .identity(RelyingPartyIdentity.builder().id("login.example.org").name("Latchkey").build())
            .credentialRepository(credentials)
            .origins(Set.of(ORIGIN))
            .build();

    @Test
    void anEs256PasskeyRegistersAndSignsIn() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        register(authenticator, Tamper.none());

        AssertionResult first = signIn(authenticator, Tamper.none());
        AssertionResult second = signIn(authenticator, Tamper.none());

        assertThat(first.isSuccess()).isTrue();
        assertThat(first.getUsername()).isEqualTo("alice");
        assertThat(first.isUserVerified()).isTrue();
        assertThat(second.getSignatureCount()).isGreaterThan(first.getSignatureCount());
    }

    @Test
    void anEd25519PasskeyRegistersAndSignsIn() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.ed25519();
        RegistrationResult registered = register(authenticator, Tamper.none());

        assertThat(registered.getKeyId().getId().getBase64Url()).isEqualTo(authenticator.lastCredentialId());
        assertThat(signIn(authenticator, Tamper.none()).isSuccess()).isTrue();
    }

    @Test
    void aZeroCounterStaysZero() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256().withZeroCounter();
        register(authenticator, Tamper.none());

        assertThat(signIn(authenticator, Tamper.none()).getSignatureCount()).isZero();
    }

    @Test
    void registrationTampersFailTheCeremony() {
        for (Tamper tamper : new Tamper[] {Tamper.none().withOrigin("https://evil.example"),
                Tamper.none().withRpId("evil.example"), Tamper.none().withChallenge("AAAA"),
                Tamper.none().withClientDataType("webauthn.get"), Tamper.none().withoutUserVerification(),
                Tamper.none().withoutUserPresence()}) {
            assertThatThrownBy(() -> register(SoftwareAuthenticator.es256(), tamper))
                    .as(tamper.toString()).isInstanceOf(RegistrationFailedException.class);
        }
    }

    @Test
    void assertionTampersFailTheCeremony() throws Exception {
        SoftwareAuthenticator authenticator = SoftwareAuthenticator.es256();
        register(authenticator, Tamper.none());

        for (Tamper tamper : new Tamper[] {Tamper.none().withFlippedSignatureBit(),
                Tamper.none().withOrigin("https://evil.example"), Tamper.none().withChallenge("AAAA"),
                Tamper.none().withoutUserVerification()}) {
            assertThatThrownBy(() -> signIn(authenticator, tamper))
                    .as(tamper.toString()).isInstanceOf(AssertionFailedException.class);
        }
    }

    private RegistrationResult register(SoftwareAuthenticator authenticator, Tamper tamper) throws Exception {
        PublicKeyCredentialCreationOptions request = relyingParty.startRegistration(StartRegistrationOptions.builder()
                .user(UserIdentity.builder().name("alice").displayName("Alice").id(ALICE).build())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .build());
        JsonNode options = JSON.readTree(request.toCredentialsCreateJson()).get("publicKey");
        String response = authenticator.register(options, ORIGIN, tamper).toString();
        RegistrationResult result = relyingParty.finishRegistration(FinishRegistrationOptions.builder()
                .request(request).response(PublicKeyCredential.parseRegistrationResponseJson(response)).build());
        credentials.add(RegisteredCredential.builder().credentialId(result.getKeyId().getId()).userHandle(ALICE)
                .publicKeyCose(result.getPublicKeyCose()).signatureCount(result.getSignatureCount()).build());
        return result;
    }

    private AssertionResult signIn(SoftwareAuthenticator authenticator, Tamper tamper) throws Exception {
        AssertionRequest request = relyingParty.startAssertion(StartAssertionOptions.builder()
                .userVerification(UserVerificationRequirement.REQUIRED).build());
        JsonNode options = JSON.readTree(request.toCredentialsGetJson()).get("publicKey");
        String response = authenticator.authenticate(options, ORIGIN, tamper).toString();
        AssertionResult result = relyingParty.finishAssertion(FinishAssertionOptions.builder()
                .request(request).response(PublicKeyCredential.parseAssertionResponseJson(response)).build());
        credentials.add(RegisteredCredential.builder().credentialId(result.getCredential().getCredentialId())
                .userHandle(ALICE).publicKeyCose(result.getCredential().getPublicKeyCose())
                .signatureCount(result.getSignatureCount()).build());
        return result;
    }

    /** One user, alice; what the relying party has registered, the newest state per credential. */
    private static final class Credentials implements CredentialRepository {
        private final Map<ByteArray, RegisteredCredential> byId = new HashMap<>();

        void add(RegisteredCredential credential) {
            byId.put(credential.getCredentialId(), credential);
        }

        @Override
        public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
            return byId.keySet().stream().map(id -> PublicKeyCredentialDescriptor.builder().id(id).build())
                    .collect(Collectors.toSet());
        }

        @Override
        public Optional<ByteArray> getUserHandleForUsername(String username) {
            return "alice".equals(username) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
            return ALICE.equals(userHandle) ? Optional.of("alice") : Optional.empty();
        }

        @Override
        public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
            return Optional.ofNullable(byId.get(credentialId)).filter(c -> c.getUserHandle().equals(userHandle));
        }

        @Override
        public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
            return Optional.ofNullable(byId.get(credentialId)).stream().collect(Collectors.toSet());
        }
    }
}
