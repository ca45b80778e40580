package org.shardprep.migrate.distribute;

import org.shardprep.command.BatchThread;
import org.shardprep.command.CommandContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A small commit on the coordinator every 200 ms while create_distributed_table_concurrently runs. At a table's
 * switch-over Citus blocks its writes, then waits until every worker's subscription reports the coordinator's WAL
 * position (pg_stat_subscription.latest_end_lsn, looked at once a second). That position moves only with a keepalive
 * from the coordinator's walsender, which sends one, once it has sent everything, only while the worker has not yet
 * acknowledged it all (walsender.c, WalSndWaitForWal). When the worker's acknowledgement of the last insert comes
 * first, no keepalive follows until there is newer WAL to decode; with the application's writes to the table blocked
 * there may be none for seconds, and writes waited 2 to 15 s (README, "Where a stall over a second came from"). A transaction id committed
 * synchronously, and nothing else, is that WAL, and an empty transaction is never sent to the worker, so its
 * keepalive always follows: the wait ends at Citus's first or second look.
 */
final class WalHeartbeat implements AutoCloseable {

    static final long EVERY_MILLIS = 200;

    private final CommandContext session;
    private final BatchThread thread = new BatchThread("shardprep-wal-heartbeat");
    private volatile long lastXid;

    private WalHeartbeat(CommandContext session) {
        this.session = session;
    }

    /** Starts beating on a pooled connection of its own; a heartbeat that cannot run only makes the wait longer. */
    static WalHeartbeat start(CommandContext session) {
        WalHeartbeat beat = new WalHeartbeat(session);
        beat.thread.start(beat::run);
        return beat;
    }

    /** The transaction id of the last beat, 0 before the first: each beat commits a new one. */
    long lastXid() { return lastXid; }

    private void run() {
        try (Connection c = session.borrow()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                while (!thread.stopping()) {
                    st.execute("SET LOCAL synchronous_commit = on");   // flushed at once, whatever the server's default
                    try (ResultSet rs = st.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
                        rs.next();
                        lastXid = rs.getLong(1);
                    }
                    c.commit();
                    thread.pauseNanos(TimeUnit.MILLISECONDS.toNanos(EVERY_MILLIS));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);   // back to the pool as it came
            }
        } catch (SQLException e) {
            // no heartbeat: Citus's wait is as long as it would be without one
        }
    }

    /** Stops after the beat in flight. */
    @Override
    public void close() {
        thread.stop();
    }
}
