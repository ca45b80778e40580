package org.shardprep.sql;

import org.shardprep.sql.render.ColumnInfo;

import java.sql.SQLWarning;
import java.util.List;

/**
 * A statement's rows going to a command (\gset, \gexec) instead of the printer; what returns no rows
 * (an INSERT's tag) and notices are printed as usual, as psql prints them then.
 */
final class CapturedResults implements PgProtocol.Results {

    private final PgProtocol.Results capture;
    private final ResultStream printed;
    private boolean hadRows;

    CapturedResults(PgProtocol.Results capture, ResultStream printed) {
        this.capture = capture;
        this.printed = printed;
    }

    @Override
    public void rows(List<ColumnInfo> columns, List<String[]> rows) {
        hadRows = true;
        capture.rows(columns, rows);
    }

    @Override
    public void commandStatus(String tag) {
        if (hadRows) capture.commandStatus(tag);
        else printed.commandStatus(tag);
        hadRows = false;
    }

    @Override
    public void notice(SQLWarning notice) {
        printed.notice(notice);
    }
}
