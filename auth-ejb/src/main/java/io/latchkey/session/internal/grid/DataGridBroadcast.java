package io.latchkey.session.internal.grid;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;

/**
 * Revocations on a topic of Payara's data grid. Only loaded once Payara has handed over its
 * Hazelcast instance, so servers without Hazelcast never see these types. Messages are plain
 * strings: the grid's members need none of Latchkey's classes to carry them. It depends on nothing
 * of Latchkey: {@code RevocationBroadcast.connect} in the package above adapts it, so the two
 * packages do not depend on each other both ways.
 */
public final class DataGridBroadcast {

    private static final Logger LOG = Logger.getLogger(DataGridBroadcast.class.getName());
    private static final String TOPIC = "latchkey.revoked-sessions";

    private final HazelcastInstance hazelcast;
    private final ITopic<String> topic;
    private final UUID registration;

    private DataGridBroadcast(HazelcastInstance hazelcast, ITopic<String> topic, UUID registration) {
        this.hazelcast = hazelcast;
        this.topic = topic;
        this.registration = registration;
    }

    /** {@code grid} is the Hazelcast instance Payara bound for applications. */
    public static DataGridBroadcast join(Object grid, Consumer<UUID> onRevoked) {
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
        return new DataGridBroadcast(hazelcast, topic, registration);
    }

    public void publish(Set<UUID> sessionIds) {
        if (!sessionIds.isEmpty()) {
            topic.publish(sessionIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
    }

    /** Whether this member still runs (false once Hazelcast shut down, or while it restarts after a split). */
    public boolean running() {
        return hazelcast.getLifecycleService().isRunning();
    }

    /** Hazelcast's cluster state by name ({@code ACTIVE}, {@code NO_MIGRATION}, {@code FROZEN}, {@code PASSIVE}, {@code IN_TRANSITION}). */
    public String clusterState() {
        return hazelcast.getCluster().getClusterState().name();
    }

    /** The members this one sees, itself included. */
    public int members() {
        return hazelcast.getCluster().getMembers().size();
    }

    /** Stops listening. */
    public void close() {
        topic.removeMessageListener(registration);
    }
}
