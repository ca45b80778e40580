package org.shardprep.sql.scan;

/**
 * What is open at the end of the input fed so far; mirrors psql's {@code %R} prompt status
 * ({@code PROMPT_READY}, {@code PROMPT_CONTINUE}, {@code PROMPT_SINGLEQUOTE}, ...).
 */
public enum OpenState {
    /** Query buffer empty (psql: PROMPT_READY, {@code %R} is {@code =}). */
    NONE("="),
    /** A statement is in progress and nothing else is open (also inside BEGIN ... END of a routine). */
    CONTINUE("-"),
    /** Inside a single-quoted string (also E'', B'', X'', U&''). */
    SINGLE_QUOTE("'"),
    /** Inside a double-quoted identifier (also U&""). */
    DOUBLE_QUOTE("\""),
    /** Inside a dollar-quoted string. */
    DOLLAR_QUOTE("$"),
    /** Inside a block comment. */
    COMMENT("*"),
    /** Inside an open parenthesis. */
    PAREN("(");

    private final String promptChar;

    OpenState(String promptChar) {
        this.promptChar = promptChar;
    }

    /** The character psql shows for {@code %R} in this state. */
    public String promptChar() {
        return promptChar;
    }
}
