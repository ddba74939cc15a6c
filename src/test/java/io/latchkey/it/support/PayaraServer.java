package io.latchkey.it.support;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A domain of Payara Server 6, unpacked from the distribution in the local Maven repository and
 * driven with its own {@code asadmin}, as an operator drives it. All of the domain's ports lie in
 * one free block ({@code create-domain --portbase}).
 */
public final class PayaraServer implements FullServer {

    private static final String DOMAIN = "latchkey-it";

    private final Path home;
    private final int portBase;
    private final Path work;

    private PayaraServer(Path home, int portBase, Path work) {
        this.home = home;
        this.portBase = portBase;
        this.work = work;
    }

    /** Unpacks Payara Server under {@code installRoot} (once), then creates and starts a fresh domain. */
    public static PayaraServer start(Path installRoot, Path work) {
        Path home = Distribution.unpack(Path.of(System.getProperty("payara.server.zip")), installRoot);
        PayaraServer server = new PayaraServer(home,
                Distribution.freeBlock(base -> java.util.stream.IntStream.range(base, base + 100)), work);
        server.asadmin(List.of("delete-domain", DOMAIN), Map.of(), true);
        server.asadmin(List.of("create-domain", "--nopassword", "--portbase", Integer.toString(server.portBase), DOMAIN), Map.of(), false);
        server.asadmin(List.of("start-domain", DOMAIN), Map.of(), false);
        return server;
    }

    /** Runs server-config/payara-server/configure.sh against this domain with {@code environment}. */
    public void configure(Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("ASADMIN", asadminPath().toString());
        env.put("PAYARA_DOMAIN", DOMAIN);
        run(List.of("bash", Path.of("../../server-config/payara-server/configure.sh").toAbsolutePath().normalize().toString(),
                "--port", Integer.toString(adminPort())), env, false, "configure");
    }

    @Override
    public void deploy(File archive) {
        asadmin(List.of("--port", Integer.toString(adminPort()), "deploy", archive.getAbsolutePath()), Map.of(), false);
    }

    public void undeploy(String application) {
        asadmin(List.of("--port", Integer.toString(adminPort()), "undeploy", application), Map.of(), false);
    }

    public int adminPort() {
        return portBase + 48;
    }

    @Override
    public int httpPort() {
        return portBase + 80;
    }

    public Path serverLog() {
        return home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
    }

    @Override
    public void close() {
        asadmin(List.of("stop-domain", "--kill=false", DOMAIN), Map.of(), true);
    }

    private void asadmin(List<String> arguments, Map<String, String> environment, boolean mayFail) {
        List<String> command = new ArrayList<>(List.of(asadminPath().toString()));
        command.addAll(arguments);
        run(command, environment, mayFail, arguments.stream().filter(a -> !a.startsWith("-")).findFirst().orElse("asadmin"));
    }

    private void run(List<String> command, Map<String, String> environment, boolean mayFail, String name) {
        Map<String, String> withJava = new HashMap<>(environment);
        withJava.putIfAbsent("AS_JAVA", System.getProperty("java.home"));
        ToolRun.run(command, withJava, mayFail, name, work, this::serverLog);
    }

    private Path asadminPath() {
        return home.resolve("bin/asadmin");
    }
}
