package org.shardprep.dataset.loader;

import java.io.IOException;
import java.io.InputStream;

/** One CSV file of the data set, wherever it lives (a directory, a zip entry), opened as a stream. */
public record DataFile(String table, String name, long size, Opener opener) {

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}
