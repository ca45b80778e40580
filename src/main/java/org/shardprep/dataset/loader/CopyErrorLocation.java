package org.shardprep.dataset.loader;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the server's complaint about a row ("CONTEXT: COPY orders, line 5, column order_id: ...") into
 * one line naming the file, the line and the column. One COPY per file keeps the server's line numbers
 * the file's own.
 */
final class CopyErrorLocation {

    private static final Pattern CONTEXT = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

    private CopyErrorLocation() {}

    static String describe(DataFile file, SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String where = m.getWhere() == null ? "" : m.getWhere();
            Matcher c = CONTEXT.matcher(where);
            StringBuilder sb = new StringBuilder(file.name());
            if (c.find()) {
                sb.append(": line ").append(c.group(1));
                if (c.group(2) != null) sb.append(", column ").append(c.group(2));
            }
            sb.append(": ").append(m.getMessage());
            return sb.toString();
        }
        return file.name() + ": " + e.getMessage();
    }
}
