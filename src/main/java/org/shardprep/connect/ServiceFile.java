package org.shardprep.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connection service file (pg_service.conf): INI-style groups of libpq keywords that a
 * {@code service=name} or PGSERVICE refers to. Mirrors parseServiceInfo/parseServiceFile of
 * libpq 15: the user's file (PGSERVICEFILE, else ~/.pg_service.conf) is searched first and, only
 * if the group is not there, the system file PGSYSCONFDIR/pg_service.conf.
 */
public final class ServiceFile {

    /** Where Debian's libpq looks when PGSYSCONFDIR is unset (pg_config --sysconfdir). */
    public static final Path DEFAULT_SYSCONFDIR = Path.of("/etc/postgresql-common");

    private final Path file;

    public ServiceFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * Finds a service following libpq's search order.
     *
     * @param env              environment variables (PGSERVICEFILE, PGSYSCONFDIR are read)
     * @param homeDir          the user's home, for ~/.pg_service.conf (may be null)
     * @param defaultSysconfDir used when PGSYSCONFDIR is unset
     * @throws ConnInfoException when the service is in neither file, or its group is malformed
     */
    public static Map<String, String> lookup(String service, Map<String, String> env, Path homeDir,
                                             Path defaultSysconfDir) {
        String explicit = env.get("PGSERVICEFILE");
        Path userFile = null;
        if (explicit != null) {
            userFile = Path.of(explicit);
            // libpq 15.x: a service file named explicitly must exist.
            if (!Files.exists(userFile)) {
                throw new ConnInfoException("service file \"" + explicit + "\" not found");
            }
        } else if (homeDir != null) {
            userFile = homeDir.resolve(".pg_service.conf");
        }
        if (userFile != null && Files.exists(userFile)) {
            Optional<Map<String, String>> found = new ServiceFile(userFile).find(service);
            if (found.isPresent()) {
                return found.get();
            }
        }
        String sysconf = env.get("PGSYSCONFDIR");
        Path systemFile = (sysconf != null ? Path.of(sysconf) : defaultSysconfDir).resolve("pg_service.conf");
        if (Files.exists(systemFile)) {
            Optional<Map<String, String>> found = new ServiceFile(systemFile).find(service);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new ConnInfoException("definition of service \"" + service + "\" not found");
    }

    /**
     * The keywords of group {@code [service]}, or empty if this file has no such group.
     * Lines outside that group are not checked, as in libpq.
     */
    public Optional<Map<String, String>> find(String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // One clear line for the user, like libpq's "could not open ..." errors.
            throw new ConnInfoException("could not open service file \"" + file + "\": " + e.getMessage());
        }
        Map<String, String> values = null;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (values != null) {
                    break; // end of our group
                }
                // libpq compares the name as a prefix followed by ']', ignoring the rest of the line.
                if (line.startsWith(service, 1) && line.length() > service.length() + 1
                        && line.charAt(service.length() + 1) == ']') {
                    values = new LinkedHashMap<>();
                }
                continue;
            }
            if (values == null) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw syntaxError(lineNo);
            }
            // Not trimmed around '=': libpq rejects "host = x" as a syntax error too.
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("service")) {
                throw new ConnInfoException("nested service specifications not supported in service file \""
                        + file + "\", line " + lineNo);
            }
            if (!LibpqKeywords.isKeyword(key)) {
                throw syntaxError(lineNo);
            }
            values.putIfAbsent(key, value); // libpq keeps the first setting
        }
        return Optional.ofNullable(values);
    }

    private ConnInfoException syntaxError(int lineNo) {
        return new ConnInfoException("syntax error in service file \"" + file + "\", line " + lineNo);
    }
}
