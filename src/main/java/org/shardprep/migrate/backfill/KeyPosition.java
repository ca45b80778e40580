package org.shardprep.migrate.backfill;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the next keyset batch starts on the table's {@link org.shardprep.migrate.Keyset}: after a key already done,
 * from a key (inclusive: the first NULL row a count found), or at the start of the table. The key is kept as its
 * columns' text values, as {@link org.shardprep.migrate.PathFill} reads and takes them.
 */
public record KeyPosition(List<String> key, boolean inclusive) {

    public static final KeyPosition START = new KeyPosition(null, false);

    public KeyPosition {
        if (key != null) key = List.copyOf(key);
    }

    /** After the key: one value (a one-column key), or a list of text values. */
    public static KeyPosition after(Object key) { return new KeyPosition(text(key), false); }

    public static KeyPosition from(Object key) { return new KeyPosition(text(key), true); }

    private static List<String> text(Object key) {
        if (key == null) return null;
        if (key instanceof List<?> values) {
            List<String> out = new ArrayList<>();
            for (Object v : values) out.add(String.valueOf(v));
            return out;
        }
        return List.of(String.valueOf(key));
    }

    /** For people: "line_item_id > 2000000", "(a, b) >= (1, 7)", "ctid > (0,5)", "the start". */
    public String describe(String keyName) {
        if (key == null) return "the start";
        return keyName + (inclusive ? " >= " : " > ") + (key.size() == 1 ? key.get(0) : "(" + String.join(", ", key) + ")");
    }
}
