package org.shardprep.shell.repl.complete;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * File names for \i, \o, \copy ... FROM, \cd: the entries of the directory typed so far (relative to the
 * shell's working directory, ~ for home), directories with a '/' and no space after it.
 */
final class FileNames {

    /** Enough for any directory a person tabs through; JLine would ask before showing more anyway. */
    private static final int LIMIT = 2000;

    private final Supplier<Path> workingDirectory;

    FileNames(Supplier<Path> workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /** Candidates for {@code typed}, the path as typed up to the cursor. */
    void complete(String typed, Offers offers, boolean directoriesOnly) {
        int slash = typed.lastIndexOf('/');
        String dirPart = slash < 0 ? "" : typed.substring(0, slash + 1);
        String base = typed.substring(slash + 1);
        Path dir = resolve(dirPart);
        if (!Files.isDirectory(dir)) return;
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.startsWith(base) || (name.startsWith(".") && !base.startsWith("."))) continue;
                boolean isDir = Files.isDirectory(p);
                if (directoriesOnly && !isDir) continue;
                names.add(isDir ? name + "/" : name);
                if (names.size() >= LIMIT) break;
            }
        } catch (IOException | SecurityException e) {
            return;
        }
        names.sort(null);
        for (String n : names) offers.add(dirPart + n, !n.endsWith("/"));
    }

    private Path resolve(String dirPart) {
        String d = dirPart.isEmpty() ? "." : dirPart;
        if (d.equals("~") || d.startsWith("~/")) d = System.getProperty("user.home") + d.substring(1);
        Path p = Path.of(d);
        return p.isAbsolute() ? p : workingDirectory.get().resolve(p);
    }
}
