package io.latchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A scrape of a Prometheus text endpoint, as Prometheus itself would read it: sample lines only. */
public record PrometheusText(String body) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** GETs {@code endpoint} with the Accept header Prometheus sends; fails unless it answers 200. */
    public static PrometheusText scrape(URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain;version=0.0.4;q=0.9,*/*;q=0.1").GET().build();
        try {
            HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new AssertionError(endpoint + " answered " + reply.statusCode() + ": " + reply.body());
            }
            return new PrometheusText(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples called {@code name} that carry at least these labels (0 when there is none). */
    public double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : body.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new java.util.HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                total += Double.parseDouble(sample.group(4));
            }
        }
        return total;
    }

    /** Whether any sample is called {@code name}. */
    public boolean has(String name) {
        return body.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
