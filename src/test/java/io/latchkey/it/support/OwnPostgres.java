package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, made with the installed {@code initdb} and {@code pg_ctl}
 * in a temporary data directory on a free port, so the test can stop and start it at will. As root
 * (PostgreSQL refuses to run as root) it runs as the {@code postgres} user.
 */
public final class OwnPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgres(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The installed server's programs, if PostgreSQL is installed. */
    public static Optional<Path> installedBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder());
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
    }

    public static OwnPostgres start(Path bin) {
        try {
            Path dataDir = Files.createTempDirectory("latchkey-pg-");
            boolean asPostgresUser = "root".equals(System.getProperty("user.name"));
            OwnPostgres postgres = new OwnPostgres(bin, dataDir, MicroProcess.freePort(), asPostgresUser);
            if (asPostgresUser) {
                run(List.of("chown", "postgres:", dataDir.toString()));
            }
            postgres.pg(List.of(bin.resolve("initdb").toString(), "-D", dataDir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--no-sync"));
            postgres.startServer();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public void startServer() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-l",
                dataDir.resolve("server.log").toString(), "-w", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir + " -c fsync=off",
                "start"));
    }

    /** Stops at once, as a crash would: no clean shutdown of client connections. */
    public void stopServer() {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.resolve("data").toString(), "-w", "-m", "immediate", "stop"));
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException alreadyStopped) {
            // Nothing to stop.
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pg(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
