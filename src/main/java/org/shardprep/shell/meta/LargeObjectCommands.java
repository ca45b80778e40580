package org.shardprep.shell.meta;

import org.shardprep.shell.describe.CatalogQuery;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.QueryRunner;
import org.shardprep.sql.TransactionState;
import org.shardprep.sql.render.PrintOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * psql's \lo_import, \lo_export and \lo_unlink (large_obj.c): each in a transaction of its own when none is open
 * (BEGIN and COMMIT as psql sends them, shown under ECHO_HIDDEN; no COMMIT with AUTOCOMMIT off), refused in a
 * failed one. The data moves through the server's lo_create/lo_put/lo_get/lo_unlink in chunks, where libpq uses
 * the fast-path calls pgjdbc keeps for its own transactions; the file is read and written on the client, as
 * libpq does.
 */
final class LargeObjectCommands {

    /** Bytes a query carries (as hex, twice as many characters). */
    private static final int CHUNK = 1 << 20;

    private final Session session;

    LargeObjectCommands(Session session) {
        this.session = session;
    }

    /** \lo_import FILE [COMMENT]: the new large object's OID is printed and set as LASTOID. */
    boolean importFile(String file, String comment) {
        Path path = session.workingDirectory().resolve(file);
        try (InputStream in = openForReading(path, file)) {
            if (in == null) return false;
            Boolean own = begin("\\lo_import");
            if (own == null) return false;
            String oid;
            try {
                oid = send("SELECT pg_catalog.lo_create(0)").get(0, 0);
                byte[] buf = new byte[CHUNK];
                long offset = 0;
                int n;
                while ((n = in.readNBytes(buf, 0, CHUNK)) > 0) {
                    send("SELECT pg_catalog.lo_put(" + oid + ", " + offset + ", '\\x"
                            + HexFormat.of().formatHex(buf, 0, n) + "'::pg_catalog.bytea)");
                    offset += n;
                }
                if (comment != null) {
                    CatalogQuery.of(session).run("COMMENT ON LARGE OBJECT " + oid + " IS '" + comment.replace("'", "''") + "'");
                }
            } catch (SQLException e) {
                return serverFailure(e, own);
            } catch (CatalogQuery.NotSent e) {
                return rollback(own);
            }
            if (!commit(own)) return false;
            result("lo_import " + oid);
            session.variables().set("LASTOID", oid);
            return true;
        } catch (IOException e) {
            session.message(session.location().prefix() + "could not read from file \"" + file + "\": " + reason(e));
            return false;
        }
    }

    /** \lo_export LOBOID FILE. */
    boolean exportTo(String loid, String file) {
        Boolean own = begin("\\lo_export");
        if (own == null) return false;
        String oid = oid(loid);
        Path path = session.workingDirectory().resolve(file);
        try {
            // libpq opens the large object before the file: a missing object is reported first
            byte[] chunk = read(oid, 0);
            OutputStream out;
            try {
                out = Files.newOutputStream(path);
            } catch (IOException e) {
                session.message(session.location().prefix() + "could not open file \"" + file + "\": " + reason(e));
                return rollback(own);
            }
            try (out) {
                long offset = 0;
                while (chunk.length > 0) {
                    out.write(chunk);
                    offset += chunk.length;
                    chunk = chunk.length < CHUNK ? new byte[0] : read(oid, offset);
                }
            } catch (IOException e) {
                session.message(session.location().prefix() + "could not write data to file \"" + file + "\": " + reason(e));
                return rollback(own);
            }
        } catch (SQLException e) {
            return serverFailure(e, own);
        }
        if (!commit(own)) return false;
        result("lo_export");
        return true;
    }

    /** \lo_unlink LOBOID. */
    boolean unlink(String loid) {
        Boolean own = begin("\\lo_unlink");
        if (own == null) return false;
        String oid = oid(loid);
        try {
            send("SELECT pg_catalog.lo_unlink(" + oid + ")");
        } catch (SQLException e) {
            return serverFailure(e, own);
        }
        if (!commit(own)) return false;
        result("lo_unlink " + oid);
        return true;
    }

    private byte[] read(String oid, long offset) throws SQLException {
        String hex = send("SELECT pg_catalog.encode(pg_catalog.lo_get(" + oid + ", " + offset + ", " + CHUNK + "), 'hex')").get(0, 0);
        return HexFormat.of().parseHex(hex);
    }

    /** libpq's atooid: strtoul, so what is not a number is 0. */
    private static String oid(String arg) {
        int end = 0;
        String s = arg.stripLeading();
        while (end < s.length() && Character.isDigit(s.charAt(end))) end++;
        if (end == 0) return "0";
        return String.valueOf(Long.parseLong(s.substring(0, Math.min(end, 18))) & 0xffffffffL);
    }

    private InputStream openForReading(Path path, String file) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            session.message(session.location().prefix() + "could not open file \"" + file + "\": " + reason(e));
            return null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        return MetaCommands.ioReason(e);
    }

    /** psql's start_lo_xact: true when it began a transaction of its own, false in the user's, null refused. */
    private Boolean begin(String command) {
        TransactionState state = session.connection().transactionState();
        if (state == TransactionState.FAILED) {
            session.error(command + ": current transaction is aborted");
            return null;
        }
        if (state == TransactionState.OPEN) return false;
        try {
            CatalogQuery.of(session).run("BEGIN");
            return true;
        } catch (SQLException e) {
            session.message(session.location().prefix() + QueryRunner.describe(e, "BEGIN", 0, session.verbosity()));
            return null;
        } catch (CatalogQuery.NotSent e) {
            return null;
        }
    }

    /** psql's finish_lo_xact: COMMIT what it began, unless AUTOCOMMIT is off. */
    private boolean commit(boolean own) {
        if (!own || !session.variables().isOn("AUTOCOMMIT")) return true;
        try {
            CatalogQuery.of(session).run("COMMIT");
            return true;
        } catch (SQLException | CatalogQuery.NotSent e) {
            rollback(true);
            return false;
        }
    }

    /** psql's fail_lo_xact: ROLLBACK what it began (unless AUTOCOMMIT is off); always false. */
    private boolean rollback(boolean own) {
        if (own && session.variables().isOn("AUTOCOMMIT")) {
            try {
                CatalogQuery.of(session).run("ROLLBACK");
            } catch (SQLException | CatalogQuery.NotSent ignored) {
                // psql ignores it too
            }
        }
        return false;
    }

    /** The server's message as libpq's PQerrorMessage gives it, then fail_lo_xact. */
    private boolean serverFailure(SQLException e, boolean own) {
        session.message(session.location().prefix() + QueryRunner.describe(e, "", 0, session.verbosity()));
        return rollback(own);
    }

    private CatalogQuery.Result send(String sql) throws SQLException {
        return CatalogQuery.send(session.connection(), sql);
    }

    /** psql's print_lo_result: to the query output, unless QUIET; in a paragraph in HTML. */
    private void result(String text) {
        if (session.quiet()) return;
        boolean html = session.printOptions().getFormat() == PrintOptions.Format.HTML;
        session.results().print(html ? "<p>" + text + "</p>\n" : text + "\n");
        session.results().flush();
    }
}
