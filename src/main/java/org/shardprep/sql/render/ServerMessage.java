package org.shardprep.sql.render;

import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a server error or notice (the ErrorResponse / NoticeResponse fields libpq knows).
 * Immutable; build with {@link #builder()} or convert a pgjdbc message with {@link #from}.
 * Absent string fields are {@code null}; absent positions and line are 0.
 */
public final class ServerMessage {

    private final String severity;
    private final String sqlState;
    private final String message;
    private final String detail;
    private final String hint;
    private final int position;
    private final int internalPosition;
    private final String internalQuery;
    private final String where;
    private final String schema;
    private final String table;
    private final String column;
    private final String datatype;
    private final String constraint;
    private final String file;
    private final int line;
    private final String routine;

    private ServerMessage(Builder b) {
        this.severity = b.severity;
        this.sqlState = b.sqlState;
        this.message = b.message;
        this.detail = b.detail;
        this.hint = b.hint;
        this.position = b.position;
        this.internalPosition = b.internalPosition;
        this.internalQuery = b.internalQuery;
        this.where = b.where;
        this.schema = b.schema;
        this.table = b.table;
        this.column = b.column;
        this.datatype = b.datatype;
        this.constraint = b.constraint;
        this.file = b.file;
        this.line = b.line;
        this.routine = b.routine;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Converts pgjdbc's parsed ErrorResponse/NoticeResponse. */
    public static ServerMessage from(org.postgresql.util.ServerErrorMessage m) {
        Objects.requireNonNull(m, "m");
        return builder()
                .severity(m.getSeverity())
                .sqlState(m.getSQLState())
                .message(m.getMessage())
                .detail(m.getDetail())
                .hint(m.getHint())
                .position(m.getPosition())
                .internalPosition(m.getInternalPosition())
                .internalQuery(m.getInternalQuery())
                .where(m.getWhere())
                .schema(m.getSchema())
                .table(m.getTable())
                .column(m.getColumn())
                .datatype(m.getDatatype())
                .constraint(m.getConstraint())
                .file(m.getFile())
                .line(m.getLine())
                .routine(m.getRoutine())
                .build();
    }

    /** Severity as sent by the server (possibly localized), e.g. "ERROR", "NOTICE". */
    public String severity() { return severity; }
    public String sqlState() { return sqlState; }
    public String message() { return message; }
    public String detail() { return detail; }
    public String hint() { return hint; }
    /** 1-based character index into the query, 0 = none. */
    public int position() { return position; }
    /** 1-based character index into {@link #internalQuery()}, 0 = none. */
    public int internalPosition() { return internalPosition; }
    public String internalQuery() { return internalQuery; }
    /** The CONTEXT field. */
    public String where() { return where; }
    public String schema() { return schema; }
    public String table() { return table; }
    public String column() { return column; }
    public String datatype() { return datatype; }
    public String constraint() { return constraint; }
    public String file() { return file; }
    /** Source line, 0 = none. */
    public int line() { return line; }
    public String routine() { return routine; }

    /** Whether this is an error (ERROR, FATAL, PANIC) as opposed to a notice or warning. */
    public boolean isError() {
        if (severity == null) {
            return false;
        }
        String s = severity.toUpperCase(Locale.ROOT);
        return s.equals("ERROR") || s.equals("FATAL") || s.equals("PANIC");
    }

    /** The same message with the caret moved: for a statement we wrapped (DECLARE ... CURSOR FOR) before sending. */
    public ServerMessage withPosition(int newPosition) {
        return builder().severity(severity).sqlState(sqlState).message(message).detail(detail).hint(hint)
                .position(newPosition).internalPosition(internalPosition).internalQuery(internalQuery).where(where)
                .schema(schema).table(table).column(column).datatype(datatype).constraint(constraint)
                .file(file).line(line).routine(routine).build();
    }

    @Override
    public String toString() {
        return "ServerMessage[" + severity + " " + sqlState + ": " + message + "]";
    }

    public static final class Builder {
        private String severity;
        private String sqlState;
        private String message;
        private String detail;
        private String hint;
        private int position;
        private int internalPosition;
        private String internalQuery;
        private String where;
        private String schema;
        private String table;
        private String column;
        private String datatype;
        private String constraint;
        private String file;
        private int line;
        private String routine;

        private Builder() {
        }

        public Builder severity(String v) { this.severity = v; return this; }
        public Builder sqlState(String v) { this.sqlState = v; return this; }
        public Builder message(String v) { this.message = v; return this; }
        public Builder detail(String v) { this.detail = v; return this; }
        public Builder hint(String v) { this.hint = v; return this; }
        public Builder position(int v) { this.position = v; return this; }
        public Builder internalPosition(int v) { this.internalPosition = v; return this; }
        public Builder internalQuery(String v) { this.internalQuery = v; return this; }
        public Builder where(String v) { this.where = v; return this; }
        public Builder schema(String v) { this.schema = v; return this; }
        public Builder table(String v) { this.table = v; return this; }
        public Builder column(String v) { this.column = v; return this; }
        public Builder datatype(String v) { this.datatype = v; return this; }
        public Builder constraint(String v) { this.constraint = v; return this; }
        public Builder file(String v) { this.file = v; return this; }
        public Builder line(int v) { this.line = v; return this; }
        public Builder routine(String v) { this.routine = v; return this; }

        public ServerMessage build() {
            return new ServerMessage(this);
        }
    }
}
