package io.latchkey.signing.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * A signing key pair from PEM text: a PKCS#8 {@code PRIVATE KEY}, and for EC keys also the
 * {@code PUBLIC KEY} or {@code CERTIFICATE} (an RSA private key carries its public half). Written
 * with the JDK alone, to need no second crypto provider.
 */
public final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private PemKeys() {
    }

    /** The key pair as a private JWK, or an exception saying what the PEM lacks. */
    public static JWK parse(String pem) throws GeneralSecurityException {
        byte[] privateDer = null;
        byte[] publicDer = null;
        byte[] certificateDer = null;
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(2));
            switch (block.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                case "CERTIFICATE" -> certificateDer = certificateDer == null ? der : certificateDer;
                case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new GeneralSecurityException(
                        "convert the key to PKCS#8 first: openssl pkcs8 -topk8 -nocrypt -in key.pem");
                default -> { }
            }
        }
        if (privateDer == null) {
            throw new GeneralSecurityException("no PKCS#8 PRIVATE KEY block");
        }
        PrivateKey privateKey = privateKey(privateDer);
        if (privateKey instanceof RSAPrivateCrtKey rsa) {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            return new RSAKey.Builder((java.security.interfaces.RSAPublicKey) publicKey).privateKey(rsa).build();
        }
        if (privateKey instanceof ECPrivateKey ec) {
            PublicKey publicKey;
            if (publicDer != null) {
                publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicDer));
            } else if (certificateDer != null) {
                publicKey = CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(certificateDer)).getPublicKey();
            } else {
                throw new GeneralSecurityException("an EC private key needs its PUBLIC KEY or CERTIFICATE beside it");
            }
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), (ECPublicKey) publicKey).privateKey(ec).build();
        }
        throw new GeneralSecurityException("only RSA and EC keys are supported");
    }

    private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (java.security.spec.InvalidKeySpecException notThisOne) {
                // try the next algorithm
            }
        }
        throw new GeneralSecurityException("the PRIVATE KEY is neither RSA nor EC");
    }
}
