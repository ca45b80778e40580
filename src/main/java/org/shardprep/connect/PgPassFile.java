package org.shardprep.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The password file (~/.pgpass or PGPASSFILE / passfile=): lines of
 * {@code hostname:port:database:username:password}, first match wins. A port of libpq 15's
 * passwordFromFile/pwdfMatchesString, including its refusal of files others can read.
 */
public final class PgPassFile {

    private final Path file;
    private final Consumer<String> warnings;

    /**
     * @param warnings receives libpq's "WARNING: password file ..." lines when the file is ignored
     */
    public PgPassFile(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings == null ? w -> { } : warnings;
    }

    /** The file libpq would use: passfile keyword (already holding PGPASSFILE), else ~/.pgpass. */
    public static Path locate(String passfile, Path homeDir) {
        if (passfile != null && !passfile.isEmpty()) {
            return Path.of(passfile);
        }
        return homeDir == null ? null : homeDir.resolve(".pgpass");
    }

    public Path path() {
        return file;
    }

    /**
     * Looks up a password. The caller passes the values libpq would: for a connection through the
     * default socket directory the host is "localhost" (see {@link ConnectionSettingsResolver}).
     */
    public Optional<String> lookup(String host, String port, String dbname, String user) {
        if (file == null || dbname == null || dbname.isEmpty() || user == null || user.isEmpty()) {
            return Optional.empty();
        }
        if (host == null || host.isEmpty()) {
            host = "localhost";
        }
        if (port == null || port.isEmpty()) {
            port = "5432";
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            warnings.accept("WARNING: password file \"" + file + "\" is not a plain file");
            return Optional.empty();
        }
        if (isGroupOrWorldAccessible(file)) {
            warnings.accept("WARNING: password file \"" + file
                    + "\" has group or world access; permissions should be u=rw (0600) or less");
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty(); // libpq silently skips an unreadable file
        }
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            line = stripCrLf(line);
            if (line.isEmpty()) {
                continue;
            }
            int pos = 0;
            for (String token : new String[] {host, port, dbname, user}) {
                pos = matchField(line, pos, token);
                if (pos < 0) {
                    break;
                }
            }
            if (pos >= 0) {
                return Optional.of(unescapePassword(line.substring(pos)));
            }
        }
        return Optional.empty();
    }

    private static boolean isGroupOrWorldAccessible(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            for (PosixFilePermission perm : perms) {
                switch (perm) {
                    case GROUP_READ, GROUP_WRITE, GROUP_EXECUTE, OTHERS_READ, OTHERS_WRITE, OTHERS_EXECUTE -> {
                        return true;
                    }
                    default -> { }
                }
            }
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            return false; // no POSIX permissions (libpq skips the check on Windows too)
        }
    }

    private static String stripCrLf(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * pwdfMatchesString: does the field starting at {@code pos} equal {@code token} (or is it '*')?
     * Returns the index after the field's ':' or -1.
     */
    static int matchField(String line, int pos, String token) {
        if (line.startsWith("*:", pos)) {
            return pos + 2;
        }
        int t = 0;
        int i = pos;
        boolean bslash = false;
        while (i < line.length()) {
            if (line.charAt(i) == '\\' && !bslash) {
                i++;
                bslash = true;
                if (i >= line.length()) {
                    return -1;
                }
            }
            if (line.charAt(i) == ':' && t == token.length() && !bslash) {
                return i + 1;
            }
            bslash = false;
            if (t == token.length() || line.charAt(i) != token.charAt(t)) {
                return -1;
            }
            i++;
            t++;
        }
        return -1;
    }

    /** The password runs to the first unescaped ':'; backslash escapes anything. */
    static String unescapePassword(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && s.charAt(i) != ':'; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
