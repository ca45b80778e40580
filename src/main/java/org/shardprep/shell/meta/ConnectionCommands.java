package org.shardprep.shell.meta;

import org.shardprep.shell.session.ClientEncodingGuard;
import org.shardprep.shell.session.Session;

import org.shardprep.command.ShardprepHome;
import org.shardprep.connect.ConnInfoException;
import org.shardprep.connect.ConnInfoParser;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.connect.HostPort;
import org.shardprep.sql.SessionConnection;

import java.util.List;

/** \c and \encoding: changing the session's connection, as psql's do_connect. */
public final class ConnectionCommands {

    private final Session session;

    ConnectionCommands(Session session) {
        this.session = session;
    }

    /**
     * \c [DBNAME [USER [HOST [PORT]]] | CONNINFO]: positional values left out, or "-", keep the previous
     * connection's; a conninfo string or URI starts from libpq's defaults instead (psql's -reuse-previous).
     * Returns the message to print, or throws with the reason the new connection failed.
     */
    String reconnect(List<String> args) throws SessionSwitchException {
        SessionConnection old = session.connection();
        ConnectionSettings target;
        try {
            target = targetSettings(old.settings(), args.stream().map(ConnectionCommands::withoutDoubleQuotes).toList());
        } catch (ConnInfoException e) {
            throw new SessionSwitchException(e.getMessage());
        }
        String failure = session.switchConnection(target);
        if (failure != null) throw new SessionSwitchException(failure);
        SessionConnection now = session.connection();
        boolean moved = !now.host().equals(old.host()) || now.port() != old.port();
        String sentence = "You are now connected to database \"" + now.database() + "\" as user \"" + now.user() + "\"";
        if (!moved) return sentence + ".";
        if (now.host().startsWith("/")) return sentence + " via socket in \"" + now.host() + "\" at port \"" + now.port() + "\".";
        return sentence + " on host \"" + now.host() + "\" at port \"" + now.port() + "\".";
    }

    private static ConnectionSettings targetSettings(ConnectionSettings previous, List<String> args) {
        if (!args.isEmpty() && ConnInfoParser.looksLikeConnInfo(args.get(0))) {
            return new ConnectionSettingsResolver(w -> {}).resolve(ConnectionRequest.ofConnInfo(args.get(0)),
                    org.shardprep.os.ChildEnvironment.all(), ShardprepHome.userHome());
        }
        ConnectionSettings s = previous;
        String db = arg(args, 0);
        String user = arg(args, 1);
        String host = arg(args, 2);
        String port = arg(args, 3);
        if (db != null) s = s.withDatabase(db);
        if (user != null && !user.equals(previous.user())) s = s.withUser(user).withPassword(null);  // psql reuses the password only for the same user
        if (host != null || port != null) {
            HostPort h = previous.firstHost();
            int p = h.port();
            if (port != null) {
                try {
                    p = Integer.parseInt(port);
                } catch (NumberFormatException e) {
                    throw new ConnInfoException("invalid integer value \"" + port + "\" for connection option \"port\"");
                }
            }
            s = s.withHosts(List.of(new HostPort(host != null ? host : h.host(), p)));
        }
        return s;
    }

    /**
     * psql reads \c's arguments as OT_SQLIDHACK: double quotes are taken off (a doubled one inside stays as one),
     * without downcasing, so {@code \c "host=x dbname=y"} is a conninfo string.
     */
    public static String withoutDoubleQuotes(String arg) {
        if (arg.indexOf('"') < 0) return arg;
        StringBuilder out = new StringBuilder(arg.length());
        boolean quoted = false;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c != '"') {
                out.append(c);
            } else if (quoted && i + 1 < arg.length() && arg.charAt(i + 1) == '"') {
                out.append('"');
                i++;
            } else {
                quoted = !quoted;
            }
        }
        return out.toString();
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() && !args.get(i).equals("-") ? args.get(i) : null;
    }

    /** \encoding [NAME]: pgjdbc speaks UTF8 to the server only, so that is the one encoding we can switch to. */
    String encoding(List<String> args) {
        if (args.isEmpty()) return session.connection().parameterStatus("client_encoding");
        if (!ClientEncodingGuard.isUtf8(args.get(0))) {
            throw new IllegalArgumentException(ClientEncodingGuard.refusal(args.get(0)));
        }
        return "";
    }

    /** A failed \c: psql keeps the previous connection interactively, and a script stops. */
    static final class SessionSwitchException extends Exception {
        SessionSwitchException(String message) { super(message); }
    }
}
