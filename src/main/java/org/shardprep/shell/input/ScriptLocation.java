package org.shardprep.shell.input;

/** Where input comes from, for psql's "shardprep:FILE:LINE: " prefix on messages from scripts. */
public final class ScriptLocation {
    private final String name;   // null: interactive, -c, or plain piped stdin (psql prints no prefix there)
    private int line;

    public ScriptLocation(String name) { this.name = name; }

    public void setLine(int line) { this.line = line; }

    public int line() { return line; }

    public String name() { return name; }

    public String prefix() {
        return name == null ? "" : "shardprep:" + name + ":" + line + ": ";
    }
}
