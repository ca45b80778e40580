package org.shardprep.shell.session;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Pooled connections for a command's work beside the session (never the session's own connection), that
 * resolve names as the session does: the session's search_path is set on the connection while it is borrowed
 * and reset when it goes back to the pool, so the next borrower (a scheduled job, an order load) gets the
 * server's default again.
 */
public final class PooledConnections {
    private PooledConnections() {}

    /**
     * A pooled connection with the session's search_path, cancelled by Ctrl-C while it is out (the session's
     * foreground); closing it resets the search_path and returns it to the pool.
     */
    static Connection borrow(Session session, java.util.Set<Connection> foreground) throws SQLException {
        String searchPath = sessionSearchPath(session);
        Connection pooled = session.pool().getConnection();
        if (searchPath != null) {
            try (PreparedStatement ps = pooled.prepareStatement("SELECT set_config('search_path', ?, false)")) {
                ps.setString(1, searchPath);
                ps.execute();
            } catch (SQLException e) {
                pooled.close();
                throw e;
            }
        }
        foreground.add(pooled);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        foreground.remove(pooled);
                        if (searchPath != null) resetAndClose(pooled); else pooled.close();
                        return null;
                    }
                    try {
                        return method.invoke(pooled, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The session's search_path now; null inside a failed transaction, where no query can ask. */
    private static String sessionSearchPath(Session session) throws SQLException {
        if (session.connection().transactionState() == org.shardprep.sql.TransactionState.FAILED) return null;
        try (Statement st = session.connection().jdbc().createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void resetAndClose(Connection pooled) throws SQLException {
        try (Statement st = pooled.createStatement()) {
            st.execute("RESET search_path");
        } catch (SQLException ignored) {
            // a broken connection: the pool drops it
        } finally {
            pooled.close();
        }
    }
}
