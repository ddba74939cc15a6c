package io.latchkey.token.internal.grid;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

import io.latchkey.token.internal.RevocationBroadcast;

/**
 * Revocations on a topic of Payara's data grid. Only loaded once Payara has handed over its
 * Hazelcast instance, so servers without Hazelcast never see these types. Messages are plain
 * strings: the grid's members need none of Latchkey's classes to carry them.
 */
public final class DataGridBroadcast implements RevocationBroadcast {

    private static final Logger LOG = Logger.getLogger(DataGridBroadcast.class.getName());
    private static final String TOPIC = "latchkey.revoked-sessions";

    private final ITopic<String> topic;
    private final UUID registration;

    private DataGridBroadcast(ITopic<String> topic, UUID registration) {
        this.topic = topic;
        this.registration = registration;
    }

    /** {@code grid} is what Payara bound at {@link RevocationBroadcast#PAYARA_DATA_GRID}. */
    public static RevocationBroadcast join(Object grid, Consumer<UUID> onRevoked) {
        if (!(grid instanceof HazelcastInstance hazelcast) || !hazelcast.getLifecycleService().isRunning()) {
            throw new IllegalStateException("no running Hazelcast instance");
        }
        ITopic<String> topic = hazelcast.getTopic(TOPIC);
        UUID registration = topic.addMessageListener(message -> {
            try {
                for (String id : message.getMessageObject().split(",")) {
                    onRevoked.accept(UUID.fromString(id));
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ignored a malformed revocation message", e);
            }
        });
        return new DataGridBroadcast(topic, registration);
    }

    @Override
    public void publish(Set<UUID> sessionIds) {
        if (!sessionIds.isEmpty()) {
            topic.publish(sessionIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
    }

    @Override
    public boolean reachesOtherNodes() {
        return true;
    }

    @Override
    public void close() {
        topic.removeMessageListener(registration);
    }
}
