package io.latchkey.metrics.internal;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chooses the adapter by what the server offers the deployment, once: Micrometer first (WildFly 39
 * gives it to deployments only when its micrometer subsystem is configured), then MicroProfile
 * Metrics (Payara 6), else none. An adapter class is touched only after its API's class is found,
 * so a server without that API never loads it.
 */
public final class MeterSinks {

    private static final Logger LOG = Logger.getLogger(MeterSinks.class.getName());

    static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";
    static final String MICROPROFILE_METRICS = "org.eclipse.microprofile.metrics.MetricRegistry";

    private MeterSinks() {
    }

    public static MeterSink choose() {
        // Lambdas, not method references: a method reference would link the adapter class when this
        // line runs, before its API is known to be there.
        return firstOf(MICROMETER, () -> MicrometerMeterSink.lookUp())
                .or(() -> firstOf(MICROPROFILE_METRICS, () -> MicroProfileMeterSink.lookUp()))
                .orElse(MeterSink.NONE);
    }

    private static Optional<MeterSink> firstOf(String apiClass, Supplier<Optional<MeterSink>> lookUp) {
        if (!present(apiClass)) {
            return Optional.empty();
        }
        try {
            return lookUp.get();
        } catch (RuntimeException | LinkageError unavailable) {
            LOG.log(Level.INFO, "Metrics API " + apiClass + " is present but its registry could not be had here: " + unavailable);
            LOG.log(Level.FINE, "Why", unavailable);
            return Optional.empty();
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MeterSinks.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
