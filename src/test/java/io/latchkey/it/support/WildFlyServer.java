package io.latchkey.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone WildFly 39, unpacked from the distribution in the local Maven repository and driven
 * with its own {@code jboss-cli.sh}, as an operator drives it. The installation stays pristine: each
 * server gets a fresh copy of {@code standalone/} under its work directory
 * ({@code jboss.server.base.dir}), and all of its ports are shifted by one free offset
 * ({@code jboss.socket.binding.port-offset}).
 */
public final class WildFlyServer implements FullServer {

    /** The standard ports of standalone.xml: http, https, management http/https, ajp, transactions. */
    private static final int[] STANDARD_PORTS = {8080, 8443, 9990, 9993, 8009, 4712, 4713};

    private final Path home;
    private final Path base;
    private final Path work;
    private final int offset;
    private Process process;

    private WildFlyServer(Path home, Path base, Path work, int offset) {
        this.home = home;
        this.base = base;
        this.work = work;
        this.offset = offset;
    }

    /** Unpacks WildFly under {@code installRoot} (once), then starts a fresh standalone server. */
    public static WildFlyServer start(Path installRoot, Path work) {
        Path home = Distribution.unpack(Path.of(System.getProperty("wildfly.zip")), installRoot);
        if (!Files.isRegularFile(home.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException("no bin/standalone.sh in " + home);
        }
        Path base = work.resolve("standalone");
        copyTree(home.resolve("standalone"), base);
        WildFlyServer server = new WildFlyServer(home, base, work,
                Distribution.freeBlock(offset -> java.util.Arrays.stream(STANDARD_PORTS).map(port -> port + offset)));
        try {
            server.boot();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void boot() {
        Path console = work.resolve("console.log");
        // --stability=community: WildFly 39 offers Micrometer's Prometheus registry at that level only.
        List<String> command = List.of("bash", home.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml",
                "--stability=community", "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.server.base.dir=" + base);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(console.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JBOSS_HOME", home.toString());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitManagement(console);
    }

    /** Waits until the management interface answers and the server reports itself running. */
    private void awaitManagement(Path console) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + "/management"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited (" + process.exitValue() + ") while starting:\n"
                        + read(console) + "\nserver log: " + serverLog());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("WildFly's management interface did not answer in 3 minutes:\n"
                        + read(console) + "\nserver log: " + serverLog());
            }
            try {
                // Any answer will do (401 without credentials): the interface is up.
                http.send(probe, HttpResponse.BodyHandlers.discarding());
                String state = cli(List.of("--command=:read-attribute(name=server-state)"), Map.of(), true, "server-state");
                if (state.contains("\"running\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
    }

    /** Runs server-config/wildfly/configure.sh against this server with {@code environment}. */
    public void configure(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("JBOSS_HOME", home.toString());
        env.put("CONTROLLER", controller());
        run(List.of("bash", Path.of("../../server-config/wildfly/configure.sh").toAbsolutePath().normalize().toString()),
                env, false, "configure");
    }

    /** {@code jboss-cli.sh --command="deploy FILE"}. */
    @Override
    public void deploy(File archive) {
        cli(List.of("--command=deploy " + archive.getAbsolutePath()), Map.of(), false, "deploy-" + archive.getName());
    }

    @Override
    public int httpPort() {
        return 8080 + offset;
    }

    public int managementPort() {
        return 9990 + offset;
    }

    public Path serverLog() {
        return base.resolve("log/server.log");
    }

    /** This server's configuration file, as configure.sh left it. */
    public Path standaloneXml() {
        return base.resolve("configuration/standalone.xml");
    }

    /** Shuts the server down through its management interface; kills it if it is still alive after a minute. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            cli(List.of("--command=:shutdown"), Map.of(), true, "shutdown");
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                killAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killAll();
        }
        // standalone.sh runs Java as its child: make sure no descendant outlives the script.
        killAll();
    }

    private void killAll() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String controller() {
        return "127.0.0.1:" + managementPort();
    }

    private String cli(List<String> arguments, Map<String, String> environment, boolean mayFail, String name) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/jboss-cli.sh").toString(), "-c",
                "--controller=" + controller()));
        command.addAll(arguments);
        return run(command, environment, mayFail, name);
    }

    private String run(List<String> command, Map<String, String> environment, boolean mayFail, String name) {
        Map<String, String> withJava = new HashMap<>(environment);
        withJava.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        return ToolRun.run(command, withJava, mayFail, name, work, this::serverLog);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path relative = from.relativize(source);
                if (relative.getNameCount() > 0 && List.of("data", "log", "tmp").contains(relative.getName(0).toString())) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

}
