package org.shardprep.connect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The shells attached to one embedded data directory, so that the server stops only when the last one leaves:
 * one file per shell in {@code <dir>.shells/}, locked by that shell for as long as it runs. The operating system
 * drops the lock of a shell that crashed, so a file nobody holds is a shell that is gone (and is removed).
 */
final class EmbeddedShells {

    private final Path directory;
    private Path mine;
    private FileChannel channel;
    private FileLock lock;

    EmbeddedShells(Path dataDirectory) {
        this.directory = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".shells");
    }

    /** This shell is on the server from now on. */
    void join() throws IOException {
        Files.createDirectories(directory);
        mine = directory.resolve(ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
        channel = FileChannel.open(mine, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = channel.lock();
    }

    /** This shell leaves; returns how many other live shells are still on the server. */
    int leave() {
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
            if (mine != null) Files.deleteIfExists(mine);
        } catch (IOException ignored) {
            // the lock dies with the process anyway
        }
        lock = null;
        channel = null;
        return others();
    }

    /** Live shells other than this one; the files of shells that are gone are removed on the way. */
    int others() {
        if (!Files.isDirectory(directory)) return 0;
        int live = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                if (f.equals(mine)) continue;
                if (alive(f)) live++;
                else Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            return live;
        }
        return live;
    }

    private static boolean alive(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = c.tryLock();
            if (probe == null) return true;   // another process holds it
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;                      // held in this very process
        } catch (IOException e) {
            return false;                     // gone meanwhile
        }
    }
}
