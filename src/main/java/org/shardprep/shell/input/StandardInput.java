package org.shardprep.shell.input;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard input, read through one buffer as psql reads its stdin FILE: a script piped in, COPY
 * data and SINGLESTEP's answers all take their text from it in turn. A buffer of each reader's own would take
 * lines ahead of the others.
 */
public final class StandardInput {

    private static BufferedReader reader;

    private StandardInput() {}

    public static synchronized BufferedReader reader() {
        if (reader == null) reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return reader;
    }
}
