package org.shardprep.shell.describe;

import org.shardprep.sql.render.ColumnInfo;

import java.util.List;

/**
 * One table as a describe command prints it (psql's printTableContent): title, columns, rows, and footer
 * lines. {@code footers} null means psql's default "(N rows)" footer; {@code nullsAsEmpty} ignores
 * {@code \pset null}, as describe.c does by clearing nullPrint; {@code expandable} false keeps the table
 * layout under {@code \x}, as \d TABLE does.
 */
record TableContent(String title, List<ColumnInfo> columns, List<String[]> rows, List<String> footers,
                    boolean nullsAsEmpty, boolean expandable) {

    /** psql's printQuery of a catalog query's result under a title. */
    static TableContent query(String title, CatalogQuery.Result result) {
        return new TableContent(title, result.columns(), result.rows(), null, true, true);
    }
}
