package io.latchkey.password;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** What a password sign-in that is not rate-limited costs: one bcrypt verification at the default cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class BcryptBenchmark {

    private final PasswordHasher hasher = new PasswordHasher(PasswordSettings.DEFAULT_COST);
    private String stored;

    @Setup
    public void hash() {
        stored = hasher.hash("violet tram sings backwards");
    }

    @Benchmark
    public PasswordHasher.Outcome verify() {
        return hasher.verify("violet tram sings backward", stored);
    }
}
