package org.shardprep.shell.describe;

/** A describe command that cannot run, with the one line psql prints for it ("Did not find any relation ..."). */
public final class DescribeException extends Exception {

    public DescribeException(String message) {
        super(message);
    }
}
