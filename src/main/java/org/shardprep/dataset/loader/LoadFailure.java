package org.shardprep.dataset.loader;

/** A load that did not happen; the message says why in one line, and the database is as it was. */
public final class LoadFailure extends Exception {
    public LoadFailure(String message) {
        super(message);
    }
}
