package org.shardprep.sql;

import org.shardprep.sql.render.ColumnInfo;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * psql 15's ExecQueryAndProcessResults for a text of several statements (combined with \;): each result is held
 * until the next one has arrived, so the notices of the next statement come out before it (as psql's do), and
 * only the last result goes to \gset or \gexec; the others are printed, or dropped under SHOW_ALL_RESULTS off.
 */
final class OneResultBehind implements PgProtocol.Results {

    private record Result(List<ColumnInfo> columns, List<List<String[]>> rows, String tag) {}

    private final PgProtocol.Results notLast;   // null: dropped
    private final PgProtocol.Results last;
    private List<ColumnInfo> columns;
    private List<List<String[]>> rows = new ArrayList<>();
    private Result held;

    OneResultBehind(PgProtocol.Results notLast, PgProtocol.Results last) {
        this.notLast = notLast;
        this.last = last;
    }

    @Override
    public void rows(List<ColumnInfo> columns, List<String[]> rows) {
        this.columns = columns;
        this.rows.add(rows);
    }

    @Override
    public void commandStatus(String tag) {
        if (held != null) send(held, notLast);
        held = new Result(columns, rows, tag);
        columns = null;
        rows = new ArrayList<>();
    }

    @Override
    public void notice(SQLWarning notice) {
        last.notice(notice);
    }

    /** The text ran to its end: the result held is the last one. */
    void end() {
        Result r = held;
        held = null;
        if (r != null) send(r, last);
    }

    /** The server reported an error, which is psql's next result: the one held was not the last. */
    void endAfterError() {
        Result r = held;
        held = null;
        if (r != null) send(r, notLast);
    }

    private static void send(Result r, PgProtocol.Results to) {
        if (to == null) return;
        for (List<String[]> chunk : r.rows()) to.rows(r.columns(), chunk);
        to.commandStatus(r.tag());
    }
}
