package org.shardprep.workload;

import java.util.Locale;

/** Where orders are made: by the exercise's create_orders function on the server, or by shardprep's generator. */
public enum OrderMode {
    SERVER, CLIENT;

    public static OrderMode parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "server" -> SERVER;
            case "client" -> CLIENT;
            default -> throw new IllegalArgumentException("--mode must be server or client, not \"" + text + "\"");
        };
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
