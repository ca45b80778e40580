package org.shardprep.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded server's port, the same at every start so that psql (or a watch window) can be pointed at it:
 * derived from the data directory (54000 plus its path's hash modulo 1000), and remembered in the data
 * directory ({@code shardprep.port}). When that port is taken by something else, the next free one above it
 * (within 54000..54999, then any the system offers) is used and remembered instead.
 */
final class EmbeddedPort {

    static final int FIRST = 54000;
    static final int RANGE = 1000;
    static final String FILE = "shardprep.port";

    /** The port chosen, and the one it stands in for when that one was taken (else 0). */
    record Choice(int port, int taken) {}

    private EmbeddedPort() {}

    static int derived(Path dataDirectory) {
        String path = dataDirectory.toAbsolutePath().normalize().toString();
        return FIRST + Math.floorMod(path.hashCode(), RANGE);
    }

    static Choice choose(Path dataDirectory) throws IOException {
        int wanted = remembered(dataDirectory);
        if (wanted == 0) wanted = derived(dataDirectory);
        if (free(wanted)) return new Choice(wanted, 0);
        int base = wanted >= FIRST && wanted < FIRST + RANGE ? wanted - FIRST : 0;
        for (int i = 1; i < RANGE; i++) {
            int p = FIRST + (base + i) % RANGE;
            if (free(p)) return new Choice(p, wanted);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Choice(s.getLocalPort(), wanted);
        }
    }

    static void remember(Path dataDirectory, int port) {
        try {
            Files.writeString(dataDirectory.resolve(FILE), port + "\n", StandardCharsets.US_ASCII);
        } catch (IOException ignored) {
            // the next start derives it again
        }
    }

    static int remembered(Path dataDirectory) {
        try {
            int p = Integer.parseInt(Files.readString(dataDirectory.resolve(FILE), StandardCharsets.US_ASCII).strip());
            return p > 0 && p < 65536 ? p : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);   // as the postmaster binds: a port in TIME_WAIT is free for it
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
