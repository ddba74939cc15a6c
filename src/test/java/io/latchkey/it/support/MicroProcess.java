package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro process with the built WAR, started the way an operator starts it, for suites that
 * need what Arquillian does not give: a restart on the same data, or several nodes.
 */
public final class MicroProcess implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private MicroProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Payara Micro with Latchkey and waits until it answers; {@code properties} become -D options. */
    public static MicroProcess start(Path workDir, Map<String, String> properties, List<String> microOptions) {
        return start(workDir, freePort(), properties, microOptions);
    }

    /** As {@link #start(Path, Map, List)}, on a port chosen beforehand (to write into a fixture's configuration). */
    public static MicroProcess start(Path workDir, int port, Map<String, String> properties, List<String> microOptions) {
        try {
            Files.createDirectories(workDir);
            Path log = Files.createTempFile(workDir, "micro-" + port + "-", ".log");
            Map<String, String> database = new java.util.HashMap<>();
            DATABASE_SETTINGS.forEach((property, variable) -> {
                if (properties.containsKey(property)) {
                    database.put(variable, properties.get(property));
                }
            });
            database.putIfAbsent("LATCHKEY_DATA_DIR", workDir.resolve("data").toString());
            Path bootCommands = Files.createTempFile(workDir, "pre-boot-", ".asadmin");
            writeBootCommands(bootCommands, database, workDir);

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            Map<String, String> settings = new java.util.HashMap<>(Map.of("latchkey.http.trusted-proxies", Api.TRUSTED_PROXIES));
            settings.putAll(properties);
            // The server's data source carries the connection; Latchkey itself reads only the schema.
            settings.keySet().removeAll(List.of("latchkey.db.url", "latchkey.db.user", "latchkey.db.password"));
            settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", System.getProperty("micro.jar"),
                    "--deploy", Path.of(System.getProperty("latchkey.war")).toAbsolutePath().toString(),
                    "--port", Integer.toString(port), "--nohostaware",
                    "--prebootcommandfile", bootCommands.toString(),
                    "--addlibs", System.getProperty("postgresql.driver")));
            if (!microOptions.contains("--clustername")) {
                // Only the cluster suite forms a data grid; others must not join one on the test machine.
                command.add("--nocluster");
            }
            command.addAll(microOptions);
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            if (database.containsKey("LATCHKEY_DB_PASSWORD")) {
                builder.environment().put("LATCHKEY_DB_PASSWORD", database.get("LATCHKEY_DB_PASSWORD"));
            }
            MicroProcess micro = new MicroProcess(builder.start(), port, log);
            micro.awaitReady(micro.base().toURI().resolve(".well-known/jwks.json"));
            return micro;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second Payara Micro with only {@code wars} on it (no Latchkey): another organisation's server
     * for applications that sign in through Latchkey over OpenID Connect. Ready when {@code probePath}
     * (an open page of one of them) answers 200.
     */
    public static MicroProcess startApplications(Path workDir, int port, List<java.io.File> wars, String probePath) {
        try {
            Files.createDirectories(workDir);
            Path log = Files.createTempFile(workDir, "micro-apps-" + port + "-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                    "-jar", System.getProperty("micro.jar")));
            for (java.io.File war : wars) {
                command.addAll(List.of("--deploy", war.getAbsolutePath()));
            }
            command.addAll(List.of("--port", Integer.toString(port), "--nohostaware", "--nocluster"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            MicroProcess micro = new MicroProcess(builder.start(), port, log);
            micro.awaitReady(URI.create("http://localhost:" + port + probePath));
            return micro;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings that decide the server's default data source, and the variables boot-commands.sh reads them from. */
    private static final Map<String, String> DATABASE_SETTINGS = Map.of(
            "latchkey.data-dir", "LATCHKEY_DATA_DIR",
            "latchkey.db.url", "LATCHKEY_DB_URL",
            "latchkey.db.user", "LATCHKEY_DB_USER",
            "latchkey.db.password", "LATCHKEY_DB_PASSWORD",
            "latchkey.db.schema", "LATCHKEY_DB_SCHEMA");

    /** The pre-boot commands start.sh would use with these settings: the same script writes them. */
    private static void writeBootCommands(Path file, Map<String, String> environment, Path workDir) throws IOException {
        ProcessBuilder script = new ProcessBuilder("bash",
                Path.of("../../server-config/micro/boot-commands.sh").toAbsolutePath().normalize().toString(), file.toString())
                .directory(workDir.toFile()).redirectErrorStream(true);
        script.environment().putAll(environment);
        Process process = script.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("boot-commands.sh failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URL base() {
        try {
            return URI.create("http://localhost:" + port + "/auth/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    /** http://localhost:port/ */
    public URI root() {
        return URI.create("http://localhost:" + port + "/");
    }

    public int port() {
        return port;
    }

    private void awaitReady(URI probe) {
        // HTTP/1.1 as every client of the suites: the default would first offer an h2c upgrade.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        String lastAnswer = "no answer yet";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during boot; see " + log);
            }
            try {
                HttpResponse<Void> reply = http.send(HttpRequest.newBuilder(probe)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (reply.statusCode() == 200) {
                    return;
                }
                lastAnswer = "HTTP " + reply.statusCode();
            } catch (IOException notYet) {
                lastAnswer = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        Path threads = log.resolveSibling(log.getFileName() + ".threads");
        dumpThreads(threads);
        close();
        throw new IllegalStateException("Payara Micro did not become ready in " + BOOT_TIMEOUT + " (last: " + lastAnswer
                + "); see " + log + " and " + threads);
    }

    /** A thread dump of the server, for a boot that never ends. */
    private void dumpThreads(Path file) {
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // The message still names the log.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process at once, as a crash or a power cut would. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process the way Ctrl-C does, and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        return freePorts(1)[0];
    }

    /**
     * {@code count} distinct free ports. Held open together while chosen: one at a time, the kernel
     * may hand out a port it just released again (HttpsIT once got the same port for HTTP and HTTPS).
     */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is reported either way
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
