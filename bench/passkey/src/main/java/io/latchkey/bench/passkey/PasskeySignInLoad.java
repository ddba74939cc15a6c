package io.latchkey.bench.passkey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Full passkey sign-ins against a running Latchkey, from N threads: each thread first signs up an
 * account of its own with a software passkey (the passwordless sign-up ceremony), then, until the
 * round ends, {@code POST /auth/api/webauthn/login/options} with an empty body (a usernameless
 * sign-in), signs the challenge, and {@code POST /auth/api/webauthn/login}. Any answer but a 200
 * stops the run. Prints one line per round:
 * {@code round=1 finishes=... seconds=... per_second=... server_cpu_ms=...}, where the server's CPU
 * per sign-in comes from {@code /proc/<server-pid>/stat} when a pid is given.
 *
 * <pre>PasskeySignInLoad base-url origin threads warm-up-seconds seconds rounds [server-pid]</pre>
 *
 * e.g. {@code http://localhost:18480/auth http://localhost:18480 8 10 10 3 12345}.
 */
public final class PasskeySignInLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String origin;
    private final HttpClient http;

    private PasskeySignInLoad(URI base, String origin) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.origin = origin;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: PasskeySignInLoad base-url origin threads warm-up-seconds seconds rounds [server-pid]");
            System.exit(2);
        }
        PasskeySignInLoad load = new PasskeySignInLoad(URI.create(args[0]), args[1]);
        int threads = Integer.parseInt(args[2]);
        long warmUp = Long.parseLong(args[3]);
        long seconds = Long.parseLong(args[4]);
        int rounds = Integer.parseInt(args[5]);
        Path stat = args.length > 6 ? Path.of("/proc", args[6], "stat") : null;

        String run = Long.toString(System.currentTimeMillis(), 36);
        List<SoftwarePasskey> passkeys = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            SoftwarePasskey passkey = new SoftwarePasskey();
            load.signUp(passkey, "bench-passkey-" + run + "-" + i);
            passkeys.add(passkey);
        }
        System.out.println("signed up " + threads + " accounts with a passkey each");
        if (warmUp > 0) {
            System.out.println("warm-up: " + load.round(passkeys, warmUp, null).line(0));
        }
        for (int round = 1; round <= rounds; round++) {
            System.out.println(load.round(passkeys, seconds, stat).line(round));
        }
    }

    private void signUp(SoftwarePasskey passkey, String username) throws IOException, InterruptedException {
        JsonNode options = post("api/webauthn/register/options", JSON.createObjectNode().put("username", username));
        ObjectNode credential = passkey.register(options.path("publicKey"), origin);
        post("api/webauthn/register", JSON.createObjectNode().put("requestId", options.path("requestId").asText())
                .set("credential", credential));
    }

    private void signIn(SoftwarePasskey passkey) throws IOException, InterruptedException {
        JsonNode options = post("api/webauthn/login/options", JSON.createObjectNode());
        ObjectNode assertion = passkey.authenticate(options.path("publicKey"), origin);
        JsonNode tokens = post("api/webauthn/login", JSON.createObjectNode().put("requestId", options.path("requestId").asText())
                .set("credential", assertion));
        if (!tokens.hasNonNull("access_token")) {
            throw new IOException("a sign-in answered 200 without an access token: " + tokens);
        }
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private record Round(long finishes, double seconds, double serverCpuMs) {

        String line(int round) {
            return String.format("round=%d finishes=%d seconds=%.2f per_second=%.1f server_cpu_ms=%s", round, finishes, seconds,
                    finishes / seconds, Double.isNaN(serverCpuMs) ? "n/a" : String.format("%.2f", serverCpuMs));
        }
    }

    /** Every thread signs in until the deadline; a sign-in still running then is not counted. */
    private Round round(List<SoftwarePasskey> passkeys, long seconds, Path stat) throws Exception {
        AtomicLong finishes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(passkeys.size());
        long ticksBefore = stat == null ? 0 : cpuTicks(stat);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (SoftwarePasskey passkey : passkeys) {
            Thread thread = new Thread(() -> {
                try {
                    while (failure.get() == null) {
                        signIn(passkey);
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        finishes.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        double cpuMs = Double.NaN;
        if (stat != null && finishes.get() > 0) {
            cpuMs = (cpuTicks(stat) - ticksBefore) * 1000.0 / clockTicksPerSecond() / finishes.get();
        }
        return new Round(finishes.get(), Math.min(elapsed, seconds), cpuMs);
    }

    /** utime + stime of a process, in clock ticks (proc(5): fields 14 and 15, after the command in parentheses). */
    private static long cpuTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long clockTicksPerSecond() {
        return Long.getLong("clock.ticks", 100);
    }
}
