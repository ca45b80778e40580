package org.shardprep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one place tests make files and directories: all under one temporary directory per test JVM, removed
 * when the JVM exits. Test runs used to leave their embedded servers' data behind in /tmp (1 to 4 GB each),
 * until a CI machine's disk was full.
 */
public final class TestFiles {

    private static Path root;

    private TestFiles() {}

    /** A new empty directory, named after {@code prefix}. */
    public static Path directory(String prefix) {
        try {
            return Files.createTempDirectory(root(), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty file, named after {@code prefix} and ending in {@code suffix}. */
    public static Path file(String prefix, String suffix) {
        try {
            return Files.createTempFile(root(), prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code dir} and all it holds; what cannot be removed is left without a word (the JVM is leaving). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit
        }
    }

    private static synchronized Path root() throws IOException {
        if (root == null) {
            Path made = Files.createTempDirectory("shardprep-tests");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(made), "delete test files"));
            root = made;
        }
        return root;
    }
}
