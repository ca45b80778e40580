package org.shardprep.shell.copy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** psql's expand_tilde: {@code ~} and {@code ~/x} from $HOME (else the password file), {@code ~user/x} from the password file. */
public final class HomeDirectories {

    private final Map<String, String> env;
    private final Function<String, String> userHome;

    public HomeDirectories(Map<String, String> env, Function<String, String> userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    /** The process's environment and /etc/passwd. */
    public static HomeDirectories system() {
        return new HomeDirectories(System.getenv(), HomeDirectories::fromPasswd);
    }

    /** The name with a leading {@code ~} or {@code ~user} replaced; unchanged when the user is unknown. */
    public String expandTilde(String name) {
        if (name == null || !name.startsWith("~")) return name;
        int slash = name.indexOf('/');
        int end = slash < 0 ? name.length() : slash;
        String user = name.substring(1, end);
        String home;
        if (user.isEmpty()) {
            home = env.get("HOME");
            if (home == null || home.isEmpty()) home = userHome.apply(System.getProperty("user.name"));
        } else {
            home = userHome.apply(user);
        }
        return home == null || home.isEmpty() ? name : home + name.substring(end);
    }

    /** getpwnam's pw_dir, read from /etc/passwd; null when there is no such user. */
    static String fromPasswd(String user) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length >= 6 && f[0].equals(user)) return f[5];
            }
        } catch (IOException e) {
            // no password file: no expansion, as getpwnam failing
        }
        return null;
    }
}
