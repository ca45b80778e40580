package org.shardprep.shell;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * psql's conditional stack (fe_utils/conditional.c): one entry per open {@code \if} of one input source, each
 * with the state of its block and the query buffer's length and parenthesis depth when the block (or its
 * active branch) began, so text typed in a branch that does not run can be cut off again.
 */
public final class ConditionalStack {

    /** psql's ifState. */
    public enum State {
        /** No \if is open. */
        NONE,
        /** In a branch that runs. */
        TRUE,
        /** In a branch that does not run; a later \elif or \else may. */
        FALSE,
        /** The block already ran a branch, or sits in a branch that does not run: nothing in it runs. */
        IGNORED,
        /** In the \else branch, which runs. */
        ELSE_TRUE,
        /** In the \else branch, which does not run. */
        ELSE_FALSE
    }

    private static final class Entry {
        State state;
        int queryLength;
        int parenDepth;

        Entry(State state) { this.state = state; }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    public void push(State state) { entries.push(new Entry(state)); }

    /** Closes the innermost block; false if none is open. */
    public boolean pop() { return entries.poll() != null; }

    public State peek() { return entries.isEmpty() ? State.NONE : entries.peek().state; }

    /** Changes the innermost block's state; false if none is open. */
    public boolean poke(State state) {
        if (entries.isEmpty()) return false;
        entries.peek().state = state;
        return true;
    }

    public boolean empty() { return entries.isEmpty(); }

    public int depth() { return entries.size(); }

    /** Whether input runs here: outside any block, or in a branch that runs. */
    public boolean active() {
        State s = peek();
        return s == State.NONE || s == State.TRUE || s == State.ELSE_TRUE;
    }

    /** Remembers the query buffer as it is when the innermost block's current branch begins. */
    public void saveQuery(int queryLength, int parenDepth) {
        if (entries.isEmpty()) return;
        entries.peek().queryLength = queryLength;
        entries.peek().parenDepth = parenDepth;
    }

    public int savedQueryLength() { return entries.isEmpty() ? -1 : entries.peek().queryLength; }

    public int savedParenDepth() { return entries.isEmpty() ? -1 : entries.peek().parenDepth; }
}
