package org.shardprep.schedule;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

import java.sql.SQLException;
import java.util.List;

/**
 * A job's SQL, sent as pg_cron sends it: one simple-protocol message (so a command may hold several
 * statements), rows thrown away, and the last command tag kept as the run's message.
 */
final class JobStatement {
    private JobStatement() {}

    static String run(BaseConnection connection, String sql) throws SQLException {
        QueryExecutor qe = connection.getQueryExecutor();
        Query query = qe.createSimpleQuery(sql);
        Handler handler = new Handler();
        try {
            qe.execute(query, null, handler, 0, 0,
                    QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_ONESHOT | QueryExecutor.QUERY_NO_BINARY_TRANSFER | QueryExecutor.QUERY_SUPPRESS_BEGIN
                            | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS);
        } finally {
            query.close();
        }
        handler.handleCompletion();
        return handler.status != null ? handler.status : handler.rows + " rows";
    }

    private static final class Handler extends ResultHandlerBase {
        String status;
        long rows;

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            rows += tuples.size();
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            this.status = status;
        }
    }
}
