package io.latchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import io.latchkey.it.support.Api;
import io.latchkey.it.support.MicroProcess;

/**
 * Payara Micro serving Latchkey over HTTPS with an operator's key pair, as
 * server-config/micro/start.sh sets it up: the certificate is the operator's, HSTS and the page's
 * security headers are sent over HTTPS, HSTS is not sent over plain HTTP, and the refresh cookie is
 * Secure. Runs in the H2 execution only.
 */
class HttpsIT {

    private static final String PASSWORD = "violet tram sings backwards";

    @Test
    void servesTheOperatorsCertificateWithStrictTransportSecurity() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "https-it").toAbsolutePath());
        Path keystore = work.resolve("tls-" + System.nanoTime() + ".p12");
        String storePassword = UUID.randomUUID().toString();
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "latchkey", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", storePassword).redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        int[] ports = MicroProcess.freePorts(2);
        int httpsPort = ports[1];

        try (MicroProcess micro = MicroProcess.start(work, ports[0], Map.of(
                "latchkey.data-dir", work.resolve("data-" + httpsPort).toString(),
                "latchkey.password.bcrypt-cost", "10",
                "javax.net.ssl.keyStore", keystore.toString(),
                "javax.net.ssl.keyStorePassword", storePassword,
                "javax.net.ssl.keyStoreType", "PKCS12"),
                List.of("--sslPort", Integer.toString(httpsPort), "--sslCert", "latchkey"))) {
            HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .sslContext(trusting(keystore, storePassword)).build();
            URI secureBase = URI.create("https://localhost:" + httpsPort + "/auth/");

            HttpResponse<String> page = https.send(HttpRequest.newBuilder(secureBase).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'", "script-src 'self'").doesNotContain("unsafe-inline"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

            Api plain = new Api(micro.base());
            assertThat(plain.get("", null).header("Strict-Transport-Security")).as("HSTS over plain HTTP means nothing").isNull();

            String username = Api.uniqueUsername("tls");
            assertThat(plain.signUp(username, PASSWORD).status()).isEqualTo(201);
            HttpResponse<String> login = https.send(HttpRequest.newBuilder(secureBase.resolve("api/login"))
                    .header("Content-Type", "application/json").header("Refresh-Token-Delivery", "cookie")
                    .POST(HttpRequest.BodyPublishers.ofString(Api.json().put("username", username).put("password", PASSWORD).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).contains("Secure", "HttpOnly"));
        }
    }

    /** Trusts exactly the certificate the test made, as a client given the operator's certificate would. */
    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("latchkey", store.getCertificate("latchkey"));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
