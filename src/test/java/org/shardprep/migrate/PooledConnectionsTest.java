package org.shardprep.migrate;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.shell.session.PooledConnections;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A borrowed pooled connection resolves names as the session does, and goes back to the pool as it came. */
class PooledConnectionsTest {

    @Test
    void carriesTheSessionsSearchPathAndResetsItOnReturn() throws Exception {
        TestServer.freshDatabase("pooled_search_path");
        try (var s = new SwapDatabases.TestSession("pooled_search_path")) {
            s.session.execute("CREATE SCHEMA tenant_b");
            s.session.execute("SET search_path = tenant_b, public");
            try (Connection c = s.session.borrow()) {
                assertThat(searchPath(c)).isEqualTo("tenant_b, public");
            }
            // every connection of the pool (8 at most, all held at once, so the one above is among them) is back
            // on the server's default
            List<Connection> all = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) all.add(s.session.pool().getConnection());
                for (Connection c : all) assertThat(searchPath(c)).isEqualTo("\"$user\", public");
            } finally {
                for (Connection c : all) c.close();
            }
        }
    }

    private static String searchPath(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW search_path")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
