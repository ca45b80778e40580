package org.shardprep.prepare;

/**
 * One Citus call of a plan: create_reference_table, or create_distributed_table on a column (colocateWith null
 * for the colocation anchor).
 */
public record CitusStep(String table, Role role, String column, String colocateWith) {

    public String sql() { return sql(false); }

    /** The statement; concurrently picks create_distributed_table_concurrently (same arguments). */
    public String sql(boolean concurrently) {
        if (role == Role.REFERENCE) return "SELECT create_reference_table(" + literal(table) + ");";
        return "SELECT create_distributed_table" + (concurrently ? "_concurrently" : "") + "(" + literal(table) + ", "
                + literal(column) + (colocateWith != null ? ", colocate_with => " + literal(colocateWith) : "") + ");";
    }

    /** A SQL string literal. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
