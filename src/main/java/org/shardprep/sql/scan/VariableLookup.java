package org.shardprep.sql.scan;

/** Looks up psql variables for {@code :name} interpolation. */
@FunctionalInterface
public interface VariableLookup {
    /** The value of the variable, or {@code null} if it is not set. */
    String get(String name);
}
