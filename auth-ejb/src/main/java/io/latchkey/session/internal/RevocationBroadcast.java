package io.latchkey.session.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import io.latchkey.session.DataGridState;
import io.latchkey.session.internal.grid.DataGridBroadcast;

/**
 * Tells the other nodes at once which sessions this node revoked. The session table stays the
 * truth that every node polls; a broadcast only shortens the wait. Payara's data grid carries it
 * where there is one; elsewhere (WildFly, a Payara Micro started with {@code --nocluster}) nothing
 * is sent and the poll alone spreads revocations.
 */
public interface RevocationBroadcast extends AutoCloseable {

    /** Where Payara binds the data grid's Hazelcast instance for applications. */
    String PAYARA_DATA_GRID = "payara/Hazelcast";

    void publish(Set<UUID> sessionIds);

    /** Whether other nodes hear of a revocation at once, rather than only at their next poll. */
    boolean reachesOtherNodes();

    /** The data grid as this node sees it now, when revocations travel on it. */
    default Optional<DataGridState> dataGrid() {
        return Optional.empty();
    }

    /** Stops listening; the grid must not keep a listener of an undeployed application. */
    @Override
    void close();

    /**
     * The data grid when the server offers one, else the portable default. {@code onRevoked}
     * receives other nodes' revocations, on a thread of the grid.
     */
    static RevocationBroadcast connect(Consumer<UUID> onRevoked) {
        Logger log = Logger.getLogger(RevocationBroadcast.class.getName());
        Object grid;
        try {
            grid = new InitialContext().lookup(PAYARA_DATA_GRID);
        } catch (NamingException | RuntimeException none) {
            grid = null;
        }
        if (grid != null) {
            try {
                RevocationBroadcast broadcast = overDataGrid(DataGridBroadcast.join(grid, onRevoked));
                log.info("Latchkey: revocations spread through the data grid at once, and through the session table");
                return broadcast;
            } catch (IllegalStateException | LinkageError notUsable) {
                log.info(() -> "Latchkey: the data grid is not usable (" + notUsable + ")");
            }
        }
        log.info("Latchkey: revocations spread through the session table only (no data grid)");
        return new RevocationBroadcast() {
            @Override
            public void publish(Set<UUID> sessionIds) {
                // Other nodes read the session table.
            }

            @Override
            public boolean reachesOtherNodes() {
                return false;
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }

    /** The grid's topic as a broadcast; loaded only where the grid is usable. */
    private static RevocationBroadcast overDataGrid(DataGridBroadcast grid) {
        return new RevocationBroadcast() {
            @Override
            public void publish(Set<UUID> sessionIds) {
                grid.publish(sessionIds);
            }

            @Override
            public boolean reachesOtherNodes() {
                return true;
            }

            @Override
            public Optional<DataGridState> dataGrid() {
                if (!grid.running()) {
                    return Optional.of(new DataGridState(false, "NOT_RUNNING", 0));
                }
                return Optional.of(new DataGridState(true, grid.clusterState(), grid.members()));
            }

            @Override
            public void close() {
                grid.close();
            }
        };
    }
}
