package io.latchkey.metrics.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryType;

/**
 * MicroProfile Metrics 5 (Payara 6): the application registry, which Payara serves at
 * {@code /metrics} (scope {@code application}) in Prometheus text. Loaded only when the API is present.
 */
final class MicroProfileMeterSink implements MeterSink {

    private static final String SECONDS = "_seconds";

    private final MetricRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private MicroProfileMeterSink(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The sink, or empty when the application registry cannot be had in this deployment. Asked for
     * with {@code @RegistryType(type = APPLICATION)} first: Payara 6.2025.10 produces the default
     * {@code MetricRegistry} from the InjectionPoint, which a programmatic look-up has none of.
     */
    static Optional<MeterSink> lookUp() {
        Instance<MetricRegistry> typed = CDI.current().select(MetricRegistry.class, new ApplicationRegistry());
        Instance<MetricRegistry> found = typed.isResolvable() ? typed : CDI.current().select(MetricRegistry.class);
        MetricRegistry registry = found.isResolvable() ? found.get() : null;
        return Optional.ofNullable(registry).map(MicroProfileMeterSink::new);
    }

    /** {@code @RegistryType(type = APPLICATION)}. */
    @SuppressWarnings("all")
    private static final class ApplicationRegistry extends AnnotationLiteral<RegistryType> implements RegistryType {

        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.APPLICATION;
        }
    }

    @Override
    public void increment(String name, String description, String... tags) {
        counters.computeIfAbsent(MeterSink.key(name, tags), k -> registry.counter(metadata(name, description), tags(tags))).inc();
    }

    /**
     * Payara 6.2025.10 writes a timer as {@code NAME_count}, {@code NAME_sum} (seconds) and gauges
     * in nanoseconds, with no unit in the name; {@code _seconds} here gives the same
     * {@code NAME_seconds_count} and {@code NAME_seconds_sum} as Micrometer's Prometheus registry.
     */
    @Override
    public void record(String name, String description, Duration duration, String... tags) {
        timers.computeIfAbsent(MeterSink.key(name, tags),
                k -> registry.timer(metadata(name + SECONDS, description), tags(tags))).update(duration);
    }

    @Override
    public String describe() {
        return "MicroProfile Metrics (the application registry, at /metrics)";
    }

    private static Metadata metadata(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }
}
