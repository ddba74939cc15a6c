package io.latchkey.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The in-server suites of one run share the reserved HTTP port, and Arquillian starts the next
 * Payara Micro while the last one may still be shutting down: that one then boots without an HTTP
 * listener ("GrizzlyProxy is NULL", seen here with 6.2025.10) yet reports ready. So each suite
 * waits, before Arquillian boots, until the port can be bound.
 */
public class AwaitFreePort implements BeforeAllCallback {

    private static final Duration LIMIT = Duration.ofSeconds(90);

    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        int port = Integer.getInteger("it.http.port", 0);
        if (port == 0) {
            return;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!free(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("port " + port + " is still taken after " + LIMIT);
            }
            Thread.sleep(200);
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
