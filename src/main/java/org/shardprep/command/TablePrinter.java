package org.shardprep.command;

import org.shardprep.sql.render.ColumnInfo;
import org.shardprep.sql.render.ResultPrinter;

import java.util.ArrayList;
import java.util.List;

/** A small result of our own (a summary, a report), printed with the session's psql formats. */
public final class TablePrinter {

    /** PostgreSQL type oids, for psql's alignment: numbers right, text left. */
    public static final int TEXT = 25, NUMERIC = 1700, INT8 = 20, INT4 = 23, BOOL = 16;

    private final List<ColumnInfo> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    public TablePrinter column(String name, int typeOid) {
        columns.add(new ColumnInfo(name, typeOid));
        return this;
    }

    public TablePrinter row(Object... values) {
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) row[i] = values[i] == null ? null : String.valueOf(values[i]);
        rows.add(row);
        return this;
    }

    public void print(CommandContext session) {
        ResultPrinter printer = ResultPrinter.create(session.printOptions(), session.results(), session.terminalWidth());
        printer.start(columns);
        printer.rows(rows);
        printer.finish(rows.size());
        session.results().flush();
    }
}
