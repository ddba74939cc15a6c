package io.latchkey.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

class PemKeysTest {

    @Test
    void readsAnRsaKeyPairFromItsPrivateKeyAlone() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();

        JWK key = PemKeys.parse(pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

        assertThat(key).isInstanceOf(RSAKey.class);
        assertThat(key.isPrivate()).isTrue();
        assertThat(((RSAKey) key).toRSAPublicKey()).isEqualTo(pair.getPublic());
    }

    @Test
    void readsAnEcKeyPairWithItsPublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();

        JWK key = PemKeys.parse(pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

        assertThat(((ECKey) key).getCurve()).isEqualTo(Curve.P_256);
        assertThat(((ECKey) key).toECPublicKey()).isEqualTo(pair.getPublic());
        assertThat(key.isPrivate()).isTrue();
    }

    @Test
    void anEcKeyWithoutItsPublicHalfIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        String pem = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> PemKeys.parse(pem)).isInstanceOf(GeneralSecurityException.class).hasMessageContaining("PUBLIC KEY");
    }

    @Test
    void aTraditionalRsaPemIsRefusedWithTheConversionCommand() {
        assertThatThrownBy(() -> PemKeys.parse(pem("RSA PRIVATE KEY", new byte[] {1, 2, 3})))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("openssl pkcs8");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
