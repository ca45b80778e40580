package org.shardprep.shell.meta;

import org.shardprep.shell.session.Session;

import org.shardprep.sql.SessionConnection;

import java.net.InetAddress;

/** \conninfo: psql's sentence, and for the embedded server where its data lives. */
final class ConnectionInfo {
    private final Session session;

    ConnectionInfo(Session session) { this.session = session; }

    String describe() {
        SessionConnection c = session.connection();
        String host = c.host();
        StringBuilder sb = new StringBuilder();
        sb.append("You are connected to database \"").append(c.database())
          .append("\" as user \"").append(c.user()).append("\"");
        if (host.startsWith("/")) {
            sb.append(" via socket in \"").append(host).append("\"");
        } else {
            sb.append(" on host \"").append(host).append("\"");
            String address = address(host);
            if (address != null && !address.equals(host)) sb.append(" (address \"").append(address).append("\")");
        }
        sb.append(" at port \"").append(c.port()).append("\".");
        if (session.embedded() != null) {
            sb.append("\nThis is shardprep's embedded PostgreSQL ").append(c.serverVersion())
              .append(", data directory \"").append(session.embedded().dataDirectory()).append("\".")
              .append("\n").append(session.embedded().announcement());
        }
        String ssl = c.sslDescription();
        if (ssl != null) sb.append("\n").append(ssl);
        return sb.toString();
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (Exception e) {
            return null;
        }
    }
}
