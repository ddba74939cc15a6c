package io.latchkey.webauthn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.internal.util.JacksonCodecs;
import com.yubico.webauthn.data.AuthenticatorTransport;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;

/** Sign-in options for an unknown username must not be told from a real account's. */
class DecoyCredentialsTest {

    private static final DecoyCredentials DECOYS = new DecoyCredentials(DecoyCredentialsTest::hmac);

    @Test
    void aUsernameGetsTheSameDecoysEveryTime() {
        assertThat(DECOYS.forUsername("nobody")).isEqualTo(DECOYS.forUsername("nobody"));
        assertThat(DECOYS.forUsername("nobody")).isNotEqualTo(DECOYS.forUsername("somebody"));
    }

    @Test
    void decoysNumberOneToThreeAndVaryFromUsernameToUsername() {
        Set<Integer> counts = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            int count = DECOYS.forUsername("user-" + i).size();
            assertThat(count).isBetween(1, DecoyCredentials.MAX_COUNT);
            counts.add(count);
        }
        assertThat(counts).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void decoyTransportsAreSetsRealAuthenticatorsReport() {
        Set<Set<AuthenticatorTransport>> seen = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            for (PublicKeyCredentialDescriptor decoy : DECOYS.forUsername("user-" + i)) {
                Set<AuthenticatorTransport> transports = decoy.getTransports().orElseThrow();
                assertThat(DecoyCredentials.REALISTIC_TRANSPORTS).contains(transports);
                seen.add(transports);
            }
        }
        assertThat(seen).hasSizeGreaterThan(2);
    }

    @Test
    void decoyIdsAreDistinctWithinOneUsername() {
        for (int i = 0; i < 30; i++) {
            List<PublicKeyCredentialDescriptor> decoys = DECOYS.forUsername("user-" + i);
            assertThat(decoys.stream().map(PublicKeyCredentialDescriptor::getId).distinct().count()).isEqualTo(decoys.size());
        }
    }

    @Test
    void aDecoyDescriptorHasTheMembersOfARealOne() throws Exception {
        // As JpaCredentialRepository builds them: transports always set, possibly empty.
        PublicKeyCredentialDescriptor real = PublicKeyCredentialDescriptor.builder().id(new ByteArray(new byte[32]))
                .transports(Set.of(AuthenticatorTransport.INTERNAL)).build();
        PublicKeyCredentialDescriptor realWithoutTransports = PublicKeyCredentialDescriptor.builder()
                .id(new ByteArray(new byte[32])).transports(Set.of()).build();
        for (int i = 0; i < 30; i++) {
            for (PublicKeyCredentialDescriptor decoy : DECOYS.forUsername("user-" + i)) {
                assertThat(members(decoy)).isEqualTo(members(real)).isEqualTo(members(realWithoutTransports));
            }
        }
    }

    private static Set<String> members(PublicKeyCredentialDescriptor descriptor) throws Exception {
        JsonNode json = JacksonCodecs.json().readTree(JacksonCodecs.json().writeValueAsString(descriptor));
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        List<String> withTypes = new ArrayList<>();
        for (String name : names) {
            withTypes.add(name + ":" + json.get(name).getNodeType());
        }
        return new TreeSet<>(withTypes);
    }

    private static byte[] hmac(String purpose, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(("test key " + purpose).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
