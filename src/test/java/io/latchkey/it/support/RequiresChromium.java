package io.latchkey.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser suites need Debian's chromium and chromium-driver. Without them a suite is skipped on a
 * developer's machine and fails under {@code CI=true}. Evaluated before Arquillian boots Payara.
 */
public class RequiresChromium implements ExecutionCondition {

    public static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium at " + BROWSER);
        }
        String why = "Chromium or its driver is missing (" + BROWSER + ", " + DRIVER
                + "): apt-get install -y chromium chromium-driver";
        if (Environment.ci()) {
            throw new IllegalStateException(why + " (CI=true: a missing browser fails the run)");
        }
        return ConditionEvaluationResult.disabled(why);
    }
}
