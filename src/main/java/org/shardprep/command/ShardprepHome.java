package org.shardprep.command;

import java.nio.file.Path;

/** Where shardprep keeps its state: under the user's home, which is $HOME when set (as libpq's "~"). */
public final class ShardprepHome {
    private ShardprepHome() {}

    /** shardprep's version, as --version, the greeting and the VERSION variables show it. */
    public static final String VERSION = "0.1.0";

    public static Path userHome() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    /** ~/.shardprep: the embedded server's data, history, and later jobs and caches. */
    public static Path stateDir() {
        return userHome().resolve(".shardprep");
    }
}
