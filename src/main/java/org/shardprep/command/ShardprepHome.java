package org.shardprep.command;

import java.nio.file.Path;

/** Where shardprep keeps its state: under the user's home, which is $HOME when set (as libpq's "~"). */
public final class ShardprepHome {
    private ShardprepHome() {}

    /** shardprep's version, as --version, the greeting and the VERSION variables show it. */
    public static final String VERSION = "0.1.0";

    /** {@link #VERSION} as a number, made as PG_VERSION_NUM is, for psql's VERSION_NUM: 1.2.3 is 10203. */
    public static final String VERSION_NUM = versionNum(VERSION);

    static String versionNum(String version) {
        int num = 0;
        String[] parts = version.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int part = i < parts.length && parts[i].matches("\\d{1,2}") ? Integer.parseInt(parts[i]) : 0;
            num = num * 100 + part;
        }
        return String.valueOf(num);
    }

    public static Path userHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** ~/.shardprep: the embedded server's data, history, and later jobs and caches. */
    public static Path stateDir() {
        return userHome().resolve(".shardprep");
    }
}
