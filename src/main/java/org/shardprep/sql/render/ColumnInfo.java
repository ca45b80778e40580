package org.shardprep.sql.render;

import java.util.Objects;

/**
 * A result column: its name (the header) and the OID of its type.
 */
public record ColumnInfo(String name, int typeOid) {

    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT4 = 23;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int XID = 28;
    public static final int CID = 29;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int MONEY = 790;
    public static final int NUMERIC = 1700;
    public static final int XID8 = 5069;

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
    }

    /** psql's column_type_alignment(): these types are right-aligned, all others left-aligned. */
    public boolean rightAligned() {
        return switch (typeOid) {
            case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC, OID, XID, XID8, CID, MONEY -> true;
            default -> false;
        };
    }
}
