package io.latchkey.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward: a capability reaches another only through its root package, never
 * its {@code internal} one, and the single sign-on module knows nothing of the capabilities.
 */
class DependencyRulesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path SSO_SOURCES = Path.of("../auth-sso/src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.latchkey\\.[a-z.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.latchkey\\.[a-zA-Z.]+)\\.[A-Za-z_*]+;", Pattern.MULTILINE);

    @Test
    void noCapabilityImportsAnothersInternals() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(SOURCES)) {
            String source = read(file);
            String capability = capability(pkg(source));
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String imported = imports.group(1);
                if (imported.contains(".internal") && !capability(imported).equals(capability)) {
                    violations.add(file + " imports " + imported);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theSingleSignOnModuleImportsNoCapability() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(SSO_SOURCES)) {
            Matcher imports = IMPORT.matcher(read(file));
            while (imports.find()) {
                if (!imports.group(1).startsWith("io.latchkey.sso")) {
                    violations.add(file + " imports " + imports.group(1));
                }
            }
        }
        assertThat(javaFiles(SSO_SOURCES)).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** io.latchkey.token.internal -> token */
    private static String capability(String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    private static String pkg(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
