package org.shardprep.shell.meta;

import org.postgresql.util.PasswordUtil;
import org.shardprep.shell.describe.CatalogQuery;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.QueryRunner;

import java.io.IOException;
import java.sql.SQLException;

/**
 * psql 15's \password [USERNAME] (exec_command_password): the new password asked twice without echo, encrypted on
 * the client as the server's password_encryption says (libpq's PQencryptPasswordConn; here pgjdbc's PasswordUtil),
 * and set with ALTER USER, so that the password itself never reaches the server or its log.
 */
final class PasswordChange {

    private final Session session;

    PasswordChange(Session session) {
        this.session = session;
    }

    /** @param userArg the argument as typed, or null for the current user */
    boolean run(String userArg) {
        String sql = null;
        try {
            String user;
            if (userArg == null) {
                sql = "SELECT CURRENT_USER";
                user = CatalogQuery.of(session).run(sql).get(0, 0);
            } else {
                user = sqlIdentifier(userArg);
            }
            SimplePrompt prompt = new SimplePrompt(session);
            String pw1 = prompt.askHidden("Enter new password for user \"" + user + "\": ");
            String pw2 = pw1 == null ? null : prompt.askHidden("Enter it again: ");
            if (pw1 == null || pw2 == null) return false;   // Ctrl-C: psql fails silently
            if (!pw1.equals(pw2)) {
                session.error("Passwords didn't match.");
                return false;
            }
            // as PQencryptPasswordConn: the server's setting, asked without ECHO_HIDDEN
            sql = "show password_encryption";
            String algorithm = CatalogQuery.send(session.connection(), sql).get(0, 0);
            if (algorithm.equalsIgnoreCase("on") || algorithm.equalsIgnoreCase("off")) algorithm = "md5";
            // pgjdbc will not encrypt an empty password; the server refuses one either way ("empty string is not a
            // valid password, clearing password"), so it goes as typed: there is nothing in it to hide
            String encrypted = pw1.isEmpty() ? "" : PasswordUtil.encodePassword(user, pw1.toCharArray(), algorithm);
            // psql quotes the name with fmtId; the server's quote_ident quotes alike
            sql = "SELECT pg_catalog.quote_ident(" + QueryResultCommands.literal(user) + ")";
            String quoted = CatalogQuery.send(session.connection(), sql).get(0, 0);
            sql = "ALTER USER " + quoted + " PASSWORD '" + encrypted.replace("'", "''") + "'";
            CatalogQuery.of(session).run(sql);
            return true;
        } catch (CatalogQuery.NotSent e) {
            return false;
        } catch (SQLException e) {
            if (sql != null && sql.startsWith("show")) {
                session.message(session.location().prefix() + e.getMessage());
            } else {
                session.message(session.location().prefix() + QueryRunner.describe(e, sql == null ? "" : sql, 0, session.verbosity()));
            }
            return false;
        } catch (IOException | RuntimeException e) {
            session.error("\\password: " + e.getMessage());
            return false;
        }
    }

    /** psql's OT_SQLID: folded to lower case outside double quotes, the quotes taken off ("" is one "). */
    static String sqlIdentifier(String arg) {
        StringBuilder out = new StringBuilder(arg.length());
        boolean quoted = false;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < arg.length() && arg.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else {
                out.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
