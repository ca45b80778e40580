package org.shardprep.workload;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed batches grouped by kind (SQLSTATE and the column or constraint it names), so that the first error of
 * each kind is shown once and the rest only counted: a load that fails every batch must not flood the screen.
 */
final class FailureKinds {

    record Kind(String message, long orders) {}

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** Counts a failure of {@code orders} orders; returns the message to show when it is the first of its kind. */
    synchronized String record(Exception e, int orders) {
        String key = key(e);
        Kind known = kinds.get(key);
        if (known != null) {
            kinds.put(key, new Kind(known.message(), known.orders() + orders));
            return null;
        }
        String message = message(e);
        kinds.put(key, new Kind(message, orders));
        return message;
    }

    synchronized Map<String, Kind> snapshot() { return new LinkedHashMap<>(kinds); }

    static String key(Exception e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            return m.getSQLState() + "|" + m.getTable() + "|" + m.getColumn() + "|" + m.getConstraint();
        }
        if (e instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
        return e.getClass().getName();
    }

    static String message(Exception e) {
        String text = String.valueOf(e.getMessage()).replaceFirst("^ERROR: ", "");
        int nl = text.indexOf('\n');
        text = nl < 0 ? text : text.substring(0, nl);
        String state = e instanceof SQLException s ? s.getSQLState() : null;
        return state != null ? text + " (SQLSTATE " + state + ")" : text;
    }
}
