package org.shardprep.shell.session;

import org.shardprep.command.SqlInterceptor;
import org.shardprep.sql.TransactionState;
import org.shardprep.sql.QueryOutcome;

/**
 * psql's SendQuery for one SQL text: ask first (SINGLESTEP) or echo it (ECHO=queries), refuse what pgjdbc cannot
 * take, let the shell answer what it serves itself (pg_cron on the client), open psql's implicit transaction (AUTOCOMMIT off)
 * and savepoint (ON_ERROR_ROLLBACK), send it, then set psql's variables and print the time.
 */
final class StatementSender {

    private final Session session;

    StatementSender(Session session) {
        this.session = session;
    }

    QueryOutcome execute(String sql) {
        Variables variables = session.variables();
        String echo = variables.echo();
        // psql 15's \watch sends through PSQLexecWatch, not SendQuery: no step there
        if (variables.isOn("SINGLESTEP") && !session.watching()) {
            if (!SingleStep.proceed(session, sql)) return QueryOutcome.NOT_SENT;
        } else if (echo.equals("queries")) {
            session.out().println(sql);
            session.out().flush();
        }
        String refusal = ClientEncodingGuard.check(sql);
        if (refusal == null) refusal = DateStyleGuard.check(sql);
        if (refusal != null) {
            session.message(session.location().prefix() + refusal);
            return QueryOutcome.refused(refusal);
        }
        SqlInterceptor interceptor = session.interceptor();
        long answerStart = System.nanoTime();
        QueryOutcome answered = interceptor == null ? null : interceptor.intercept(sql, session);
        if (answered != null) {
            double ms = (System.nanoTime() - answerStart) / 1_000_000.0;
            session.rememberQuery(sql);
            session.timingLog().record(sql, ms, answered.success());
            recordOutcome(answered);
            printTiming(ms);   // a statement to the user, whoever answered it
            return answered;
        }
        if (!variables.isOn("AUTOCOMMIT") && state() == TransactionState.IDLE && !ImplicitTransaction.mustNotBegin(sql)) {
            internal("BEGIN");
        }
        boolean savepoint = onErrorRollback() && state() == TransactionState.OPEN && !ImplicitTransaction.isTransactionControl(sql);
        if (savepoint) internal("SAVEPOINT " + ImplicitTransaction.SAVEPOINT);
        session.takePrintingNanos();
        long start = System.nanoTime();
        QueryOutcome outcome = session.send(sql);
        // as psql: the query up to its result, not the printing of it nor the reading of it in the pager
        double ms = Math.max(0, System.nanoTime() - start - session.takePrintingNanos()) / 1_000_000.0;
        if (savepoint && !outcome.connectionLost()) {
            TransactionState after = state();
            if (after == TransactionState.FAILED) internal("ROLLBACK TO " + ImplicitTransaction.SAVEPOINT);
            else if (after == TransactionState.OPEN) internal("RELEASE " + ImplicitTransaction.SAVEPOINT);
        }
        session.rememberQuery(sql);
        session.timingLog().record(sql, ms, outcome.success());
        recordOutcome(outcome);
        if (!outcome.success() && echo.equals("errors")) {
            session.err().println(session.location().prefix() + "STATEMENT:  " + sql);
        }
        String hint = outcome.success() || interceptor == null ? null : interceptor.hintAfterError(sql);
        if (hint != null) session.message("HINT:  " + hint);
        if (!outcome.connectionLost()) printTiming(ms);
        return outcome;
    }

    private void printTiming(double ms) {
        if (!session.timing()) return;
        session.out().println(Session.formatTiming(ms));   // psql prints timing on stdout, not into \o or \g targets
        session.out().flush();
    }

    private TransactionState state() {
        return session.connection().transactionState();
    }

    /** ON_ERROR_ROLLBACK: on, or "interactive" at the prompt only. */
    private boolean onErrorRollback() {
        String v = session.variables().get("ON_ERROR_ROLLBACK");
        if (v == null) return false;
        if (v.equalsIgnoreCase("interactive")) return session.interactive();
        return Boolean.TRUE.equals(Variables.parseBoolean(v));
    }

    /** Statements psql itself sends around the user's: their failure is the user's statement's business. */
    private void internal(String sql) {
        try (java.sql.Statement st = session.connection().jdbc().createStatement()) {
            st.execute(sql);
        } catch (java.sql.SQLException ignored) {
            // the user's statement reports what is wrong with the connection or transaction
        }
    }

    /** psql's ERROR, SQLSTATE, ROW_COUNT, LAST_ERROR_MESSAGE and LAST_ERROR_SQLSTATE variables. */
    void recordOutcome(QueryOutcome outcome) {
        Variables variables = session.variables();
        variables.set("ERROR", outcome.success() ? "false" : "true");
        String state = outcome.success() ? "00000" : outcome.sqlState();
        variables.set("SQLSTATE", state);
        variables.set("ROW_COUNT", String.valueOf(outcome.success() ? outcome.rowCount() : 0));
        if (!outcome.success()) {
            variables.set("LAST_ERROR_MESSAGE", outcome.errorMessage());
            variables.set("LAST_ERROR_SQLSTATE", state);
        }
    }
}
