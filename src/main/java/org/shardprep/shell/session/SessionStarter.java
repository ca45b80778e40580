package org.shardprep.shell.session;

import org.shardprep.connect.ConnInfoException;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.connect.EmbeddedServer;

import org.shardprep.sql.SessionConnection;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Decides where the session goes, as psql would, with one addition: no connection information at all
 * (no arguments, no PG* variables) or --embedded means shardprep's own embedded PostgreSQL.
 */
public final class SessionStarter {

    /** The open session and, when we started one, the embedded server it runs on. */
    public record Started(SessionConnection connection, EmbeddedServer embedded, SessionConnector connector) {}

    /** A failure to reach a server; psql's exit status 2. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message) { super(message); }
    }

    private final ConnectionRequest request;
    private final Map<String, String> env;
    private final Path home;
    private final boolean forceEmbedded;
    private final Path embeddedDir;
    private final SessionConnector connector;
    private CompletableFuture<EmbeddedServer> embeddedStart;

    public SessionStarter(ConnectionRequest request, Map<String, String> env, Path home, boolean forceEmbedded,
                          Path embeddedDir, SessionConnector connector) {
        this.request = request;
        this.env = env;
        this.home = home;
        this.forceEmbedded = forceEmbedded;
        this.embeddedDir = embeddedDir;
        this.connector = connector;
    }

    public boolean usesEmbedded() {
        return forceEmbedded || !ConnectionSettingsResolver.hasAnyConnectionInfo(request, env);
    }

    /** Starts the embedded server in the background, so the JVM can do other start-up work meanwhile. */
    public void startEmbeddedEarly() {
        if (usesEmbedded() && embeddedStart == null) {
            Path dir = embeddedDir != null ? embeddedDir : EmbeddedServer.defaultDirectory(home);
            embeddedStart = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedServer.start(dir);
                } catch (EmbeddedServer.StartException e) {
                    throw new CompletionException(e);
                }
            });
        }
    }

    public Started start(java.util.function.Consumer<String> warnings) throws StartFailure {
        try {
            if (usesEmbedded()) {
                startEmbeddedEarly();
                EmbeddedServer server = joinEmbedded();
                ConnectionSettings settings = new ConnectionSettingsResolver(warnings)
                        .resolve(ConnectionRequest.ofConnInfo(server.conninfo()), Map.of(), home);
                try {
                    return new Started(connector.open(settings), server, connector);
                } catch (SessionConnector.ConnectException e) {
                    server.close();
                    throw new StartFailure(e.getMessage());
                }
            }
            ConnectionSettings settings = new ConnectionSettingsResolver(warnings).resolve(request, env, home);
            return new Started(connector.open(settings), null, connector);
        } catch (ConnInfoException e) {
            throw new StartFailure(e.getMessage());
        } catch (SessionConnector.ConnectException e) {
            throw new StartFailure(e.getMessage());
        }
    }

    private EmbeddedServer joinEmbedded() throws StartFailure {
        try {
            return embeddedStart.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw new StartFailure(cause instanceof EmbeddedServer.StartException ? cause.getMessage()
                    : "could not start the embedded server: " + cause);
        }
    }
}
