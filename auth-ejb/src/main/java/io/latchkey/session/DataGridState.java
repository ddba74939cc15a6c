package io.latchkey.session;

import java.util.Objects;
import java.util.Set;

/**
 * The data grid as one node sees it: whether its member runs, the cluster state and how many
 * members it sees. Ready while revocations can be published and heard: running, and in a state
 * that accepts operations (Hazelcast refuses them in {@code PASSIVE} and {@code IN_TRANSITION}).
 */
public record DataGridState(boolean running, String clusterState, int members) {

    private static final Set<String> SERVING = Set.of("ACTIVE", "NO_MIGRATION", "FROZEN");

    public DataGridState {
        Objects.requireNonNull(clusterState);
    }

    public boolean ready() {
        return running && SERVING.contains(clusterState);
    }
}
