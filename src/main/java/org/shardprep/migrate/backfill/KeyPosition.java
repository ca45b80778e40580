package org.shardprep.migrate.backfill;

/**
 * Where the next keyset batch starts on the primary key: after a key already done, from a key (inclusive:
 * the first NULL row a count found), or at the start of the table.
 */
public record KeyPosition(Object key, boolean inclusive) {

    public static final KeyPosition START = new KeyPosition(null, false);

    public static KeyPosition after(Object key) { return new KeyPosition(key, false); }

    public static KeyPosition from(Object key) { return new KeyPosition(key, true); }

    /** The condition on the key column (with one parameter unless at the start). */
    String condition(String keyColumn) {
        if (key == null) return "true";
        return keyColumn + (inclusive ? " >= ?" : " > ?");
    }

    /** For people: "line_item_id > 2000000", "line_item_id >= 17", "the start". */
    public String describe(String keyName) {
        return key == null ? "the start" : keyName + (inclusive ? " >= " : " > ") + key;
    }
}
