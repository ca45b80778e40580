package org.shardprep.schedule;

import org.shardprep.sql.PgProtocol;
import org.shardprep.sql.render.ColumnInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A job's SQL, sent as pg_cron sends it: one simple-protocol message (so a command may hold several
 * statements), rows thrown away, and the last command tag kept as the run's message.
 */
final class JobStatement {
    private JobStatement() {}

    static String run(Connection connection, String sql) throws SQLException {
        Tags tags = new Tags();
        PgProtocol.of(connection).execute(sql, tags);
        return tags.status != null ? tags.status : tags.rows + " rows";
    }

    private static final class Tags implements PgProtocol.Results {
        String status;
        long rows;

        @Override
        public void rows(List<ColumnInfo> columns, List<String[]> rows) {
            this.rows += rows.size();
        }

        @Override
        public void commandStatus(String tag) {
            this.status = tag;
        }
    }
}
