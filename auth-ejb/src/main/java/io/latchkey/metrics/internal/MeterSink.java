package io.latchkey.metrics.internal;

import java.time.Duration;

/**
 * Where counts and durations go: one adapter per metrics API. Tags are name/value pairs, already
 * normalised by the recorder; implementations may keep the meters they create.
 */
public interface MeterSink {

    /** Adds one to the counter {@code name} with these tags ({@code name1, value1, name2, value2, ...}). */
    void increment(String name, String description, String... tags);

    /** Records one duration in the timer {@code name}. */
    void record(String name, String description, Duration duration, String... tags);

    /** What the log line at start calls this backend. */
    String describe();

    /** One meter's key among an adapter's cached meters. */
    static String key(String name, String... tags) {
        return name + '\u0000' + String.join("\u0000", tags);
    }

    /** Counts nothing: neither metrics API is offered to the deployment. */
    MeterSink NONE = new MeterSink() {
        @Override
        public void increment(String name, String description, String... tags) {
        }

        @Override
        public void record(String name, String description, Duration duration, String... tags) {
        }

        @Override
        public String describe() {
            return "no metrics API (neither Micrometer nor MicroProfile Metrics is offered to the deployment)";
        }
    };
}
