package org.shardprep.prepare;

/** The options of a prepare command that name no plan (an unknown table or column, types that differ): one line. */
public final class BadPlanInput extends RuntimeException {
    public BadPlanInput(String message) {
        super(message);
    }
}
