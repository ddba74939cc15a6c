package io.latchkey.metrics.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer (WildFly 39's micrometer subsystem): the registry WildFly gives the deployment through
 * CDI, which its Prometheus registry serves on the management interface. Loaded only when the API
 * is present.
 */
final class MicrometerMeterSink implements MeterSink {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    private MicrometerMeterSink(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The sink, or empty when no registry is offered to this deployment. */
    static Optional<MeterSink> lookUp() {
        Instance<MeterRegistry> found = CDI.current().select(MeterRegistry.class);
        return found.isResolvable() ? Optional.of(new MicrometerMeterSink(found.get())) : Optional.empty();
    }

    /*
     * registry.counter(name, tags), not Counter.builder(...).register(registry): WildFly 39's
     * per-deployment registry (ApplicationRegistry, a SimpleMeterRegistry) hands only these
     * convenience methods on to the server's registries; a builder registers the meter in the
     * wrapper itself, where no exporter sees it. The description is lost on the way.
     */
    @Override
    public void increment(String name, String description, String... tags) {
        counters.computeIfAbsent(MeterSink.key(name, tags), k -> registry.counter(name, Tags.of(tags))).increment();
    }

    @Override
    public void record(String name, String description, Duration duration, String... tags) {
        timers.computeIfAbsent(MeterSink.key(name, tags), k -> registry.timer(name, Tags.of(tags))).record(duration);
    }

    @Override
    public String describe() {
        return "Micrometer (" + registry.getClass().getSimpleName() + ")";
    }
}
