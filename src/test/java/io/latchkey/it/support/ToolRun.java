package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One run of a server's command-line tool (asadmin, jboss-cli, a configure script), its output kept in a file. */
final class ToolRun {

    private ToolRun() {
    }

    /**
     * Runs {@code command} with {@code environment} added, and returns its output; a run that fails
     * (unless {@code mayFail}) or takes over 5 minutes throws with the output and the server's log.
     */
    static String run(List<String> command, Map<String, String> environment, boolean mayFail, String name, Path work,
            Supplier<Object> serverLog) {
        try {
            Files.createDirectories(work);
            Path output = Files.createTempFile(work, name + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish in 5 minutes; see " + output + "\nserver log: " + serverLog.get());
            }
            String text = Files.readString(output);
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "):\n" + text
                        + "\nserver log: " + serverLog.get());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
