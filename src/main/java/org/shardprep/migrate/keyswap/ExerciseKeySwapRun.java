package org.shardprep.migrate.keyswap;

import org.shardprep.sql.TransactionState;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.sql.QueryOutcome;

import java.util.List;
import java.util.Locale;

/**
 * swap-pk run --as-exercise: the exercise's statements as written, through the session's ordinary SQL path
 * (command tags, notices and errors as psql prints them), with each of its six steps timed. It stops at the
 * first error, rolling back the transaction that error left open, as a script under ON_ERROR_STOP would.
 */
final class ExerciseKeySwapRun {

    private final CommandContext session;

    ExerciseKeySwapRun(CommandContext session) {
        this.session = session;
    }

    void run() {
        List<ExerciseKeySwap.Step> steps = ExerciseKeySwap.steps();
        int n = steps.size();
        session.info("The exercise's key swap as written, " + n + " steps; writes to the tables wait while a step holds its locks.");
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            ExerciseKeySwap.Step step = steps.get(i);
            String at = "[" + (i + 1) + "/" + n + "]";
            if (session.interrupted()) {
                throw new CommandError("stopped before step " + (i + 1) + " of " + n + " of the exercise's key swap");
            }
            session.info(at + " " + step.label());
            long stepStart = System.nanoTime();
            for (String sql : step.statements()) {
                QueryOutcome outcome = session.execute(sql);
                if (!outcome.success()) {
                    boolean rolledBack = rollBackIfOpen();
                    throw new CommandError("the exercise's step " + (i + 1) + " of " + n + " failed"
                            + (rolledBack ? "; its transaction was rolled back" : ""));
                }
            }
            session.info(String.format(Locale.ROOT, "%s %.3f s", at, (System.nanoTime() - stepStart) / 1e9));
        }
        session.info(String.format(Locale.ROOT, "The exercise's key swap took %.3f s.", (System.nanoTime() - start) / 1e9));
    }

    private boolean rollBackIfOpen() {
        if (session.connection().isClosed() || session.connection().transactionState() == TransactionState.IDLE) return false;
        session.execute("ROLLBACK");
        return true;
    }
}
