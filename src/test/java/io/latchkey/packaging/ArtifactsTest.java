package io.latchkey.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/**
 * The build makes two packagings of the same modules: the EAR for full servers, and a
 * self-contained WAR for Payara Micro (which cannot deploy an EAR).
 */
class ArtifactsTest {

    private static final Path EAR = Path.of(System.getProperty("latchkey.ear", "../../auth-ear/target/latchkey.ear"));
    private static final Path WAR = Path.of(System.getProperty("latchkey.war", "../../auth-web/target/auth.war"));

    @Test
    void theEarHoldsTheEjbAndWebModulesWithSharedLibraries() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile())) {
            List<String> entries = names(ear);
            assertThat(entries).contains("auth-ejb.jar", "auth-web.war", "META-INF/application.xml");
            assertThat(entries).anyMatch(e -> e.startsWith("lib/") && e.contains("nimbus-jose-jwt"));
            assertThat(entries).anyMatch(e -> e.startsWith("lib/") && e.contains("webauthn-server-core"));
            assertThat(entries).anyMatch(e -> e.startsWith("lib/") && e.contains("bcrypt"));

            String application = new String(ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(application).contains("<ejb>auth-ejb.jar</ejb>").contains("<context-root>/auth</context-root>");
        }
    }

    @Test
    void theEarsWebModuleCarriesNoCopyOfTheEjbModule() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile());
                ZipInputStream web = new ZipInputStream(ear.getInputStream(ear.getEntry("auth-web.war")))) {
            boolean hasClasses = false;
            for (ZipEntry entry; (entry = web.getNextEntry()) != null;) {
                assertThat(entry.getName()).doesNotMatch("WEB-INF/lib/.+");
                hasClasses |= entry.getName().startsWith("WEB-INF/classes/io/latchkey/web/");
            }
            assertThat(hasClasses).isTrue();
        }
    }

    @Test
    void theMicroWarIsSelfContained() throws IOException {
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            List<String> entries = names(war);
            assertThat(entries).anyMatch(e -> e.matches("WEB-INF/lib/auth-ejb-.*\\.jar"));
            assertThat(entries).anyMatch(e -> e.startsWith("WEB-INF/lib/") && e.contains("nimbus-jose-jwt"));
            assertThat(entries).contains("WEB-INF/glassfish-web.xml");
            try (InputStream descriptor = war.getInputStream(war.getEntry("WEB-INF/glassfish-web.xml"))) {
                assertThat(new String(descriptor.readAllBytes(), StandardCharsets.UTF_8)).contains("<context-root>/auth</context-root>");
            }
        }
    }

    /** Pre-releases carry no stability promise; the root pom pins releases of what the libraries ask for. */
    @Test
    void onlyReleaseVersionsOfLibrariesShip() throws IOException {
        try (ZipFile ear = new ZipFile(EAR.toFile()); ZipFile war = new ZipFile(WAR.toFile())) {
            List<String> libraries = new java.util.ArrayList<>(names(ear).stream().filter(e -> e.startsWith("lib/")).toList());
            libraries.addAll(names(war).stream().filter(e -> e.startsWith("WEB-INF/lib/")).toList());
            assertThat(libraries).hasSizeGreaterThan(10)
                    .filteredOn(e -> !e.contains("auth-sso") && !e.contains("auth-ejb"))
                    .noneMatch(ArtifactsTest::isPreRelease);
        }
    }

    static boolean isPreRelease(String jarName) {
        return jarName.matches("(?i).*-\\d[\\w.]*[-.](alpha|beta|rc|m|snapshot)\\d*(\\.\\d+)?\\.jar");
    }

    @Test
    void preReleaseNamesAreRecognised() {
        assertThat(isPreRelease("lib/org.slf4j-slf4j-api-2.1.0-alpha1.jar")).isTrue();
        assertThat(isPreRelease("lib/org.apache.httpcomponents.core5-httpcore5-5.5-beta2.jar")).isTrue();
        assertThat(isPreRelease("WEB-INF/lib/foo-1.0-RC3.jar")).isTrue();
        assertThat(isPreRelease("WEB-INF/lib/foo-2.0.0-M1.jar")).isTrue();
        assertThat(isPreRelease("lib/org.slf4j-slf4j-api-2.0.17.jar")).isFalse();
        assertThat(isPreRelease("lib/com.google.guava-guava-33.8.0-jre.jar")).isFalse();
        assertThat(isPreRelease("lib/com.google.guava-listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar")).isFalse();
    }

    private static List<String> names(ZipFile zip) {
        return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
}
