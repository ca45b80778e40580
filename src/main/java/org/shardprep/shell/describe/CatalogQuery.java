package org.shardprep.shell.describe;

import org.shardprep.shell.session.Session;
import org.shardprep.sql.PgProtocol;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.render.ColumnInfo;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * psql's PSQLexec for the describe commands: one catalog query on the session's connection, in the simple
 * protocol like psql, every value as the server's text (so booleans are "t"/"f" and NULL stays null). Under
 * ECHO_HIDDEN (-E) the query is printed to stdout before it is sent, and with ECHO_HIDDEN=noexec not sent.
 */
public final class CatalogQuery {

    /** A query ECHO_HIDDEN=noexec printed and did not send: the command stops without a message, as psql's. */
    public static final class NotSent extends RuntimeException {
        private NotSent() {
            super("ECHO_HIDDEN=noexec", null, false, false);
        }
    }

    /** The rows of one catalog query. */
    public record Result(List<ColumnInfo> columns, List<String[]> rows) {

        public int size() { return rows.size(); }

        /** The value as libpq's PQgetvalue gives it: "" for NULL. */
        public String get(int row, int column) {
            String v = rows.get(row)[column];
            return v == null ? "" : v;
        }

        public boolean isNull(int row, int column) { return rows.get(row)[column] == null; }

        boolean isTrue(int row, int column) { return "t".equals(rows.get(row)[column]); }
    }

    private final SessionConnection connection;
    /** Where ECHO_HIDDEN prints, or null when it is off. */
    private final PrintWriter echo;
    private final boolean send;
    /** Where the server's notices (with the query that drew them) go, as psql's notice processor prints them. */
    private final java.util.function.BiConsumer<java.sql.SQLWarning, String> notices;

    private CatalogQuery(SessionConnection connection, PrintWriter echo, boolean send,
                         java.util.function.BiConsumer<java.sql.SQLWarning, String> notices) {
        this.connection = connection;
        this.echo = echo;
        this.send = send;
        this.notices = notices;
    }

    /** The session's catalog queries, with ECHO_HIDDEN as it is now. */
    public static CatalogQuery of(Session session) {
        String mode = session.variables().echoHidden();
        return new CatalogQuery(session.connection(), mode.equals("off") ? null : session.out(), !mode.equals("noexec"),
                (notice, sql) -> session.message(session.location().prefix() + noticeText(notice, sql, session)));
    }

    public SessionConnection connection() { return connection; }

    public Result run(String sql) throws SQLException {
        if (echo != null) {
            echo.print("********* QUERY **********\n" + sql + "\n**************************\n\n");
            echo.flush();
            if (!send) throw new NotSent();
        }
        Collector collector = new Collector(notice -> notices.accept(notice, sql));
        connection.protocol().execute(sql, collector);
        return new Result(collector.columns, collector.rows);
    }

    private static String noticeText(java.sql.SQLWarning notice, String sql, Session session) {
        if (notice instanceof org.postgresql.util.PSQLWarning w && w.getServerErrorMessage() != null) {
            return org.shardprep.sql.render.MessageFormatter.format(
                    org.shardprep.sql.render.ServerMessage.from(w.getServerErrorMessage()), sql, session.verbosity(),
                    session.showContext());
        }
        return "WARNING:  " + notice.getMessage();
    }

    /** A query psql sends with PQexec, not PSQLexec: never echoed (\gdesc's description of the columns). */
    public static Result send(SessionConnection connection, String sql) throws SQLException {
        Collector collector = new Collector(notice -> { });
        connection.protocol().execute(sql, collector);
        return new Result(collector.columns, collector.rows);
    }

    private static final class Collector implements PgProtocol.Results {
        private List<ColumnInfo> columns = List.of();
        private final List<String[]> rows = new ArrayList<>();
        private final java.util.function.Consumer<java.sql.SQLWarning> notices;

        Collector(java.util.function.Consumer<java.sql.SQLWarning> notices) {
            this.notices = notices;
        }

        @Override
        public void notice(java.sql.SQLWarning notice) {
            notices.accept(notice);
        }

        @Override
        public void rows(List<ColumnInfo> columns, List<String[]> rows) {
            this.columns = columns;
            this.rows.addAll(rows);
        }

        @Override
        public void commandStatus(String tag) {
            // a catalog query's tag is not shown
        }
    }
}
