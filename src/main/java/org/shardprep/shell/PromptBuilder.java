package org.shardprep.shell;

import org.shardprep.sql.TransactionState;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.scan.OpenState;

/**
 * psql's default PROMPT1 and PROMPT2, "%/%R%x%# ": database, then '=' ('@' in an inactive \if branch, or what is
 * open: - ' " $ * ( ),
 * then the transaction state ('*' in a transaction, '!' in a failed one), then '#' for a superuser or '>'.
 */
public final class PromptBuilder {

    private PromptBuilder() {}

    public static String primary(SessionConnection c, OpenState open) {
        return primary(c, open, true);
    }

    /** In an {@code \if} branch that does not run, psql's %R shows '@' instead of '='. */
    public static String primary(SessionConnection c, OpenState open, boolean activeBranch) {
        String state = open != OpenState.NONE ? open.promptChar() : activeBranch ? "=" : "@";
        return c.database() + state + transaction(c) + (c.isSuperuser() ? "# " : "> ");
    }

    /** JLine's secondary prompt pattern: %M is where JLine puts what our parser says is open. */
    public static String secondaryPattern(SessionConnection c) {
        return c.database().replace("%", "%%") + "%M" + transaction(c) + (c.isSuperuser() ? "# " : "> ");
    }

    private static String transaction(SessionConnection c) {
        TransactionState state = c.transactionState();
        return switch (state) {
            case OPEN -> "*";
            case FAILED -> "!";
            default -> "";
        };
    }
}
