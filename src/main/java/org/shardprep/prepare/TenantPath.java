package org.shardprep.prepare;

import org.shardprep.prepare.SchemaGraph.ForeignKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a table without the distribution column gets its value: foreign keys followed one after the other, to
 * a table that has the column (or to the tenant table, whose key is the value).
 *
 * @param hops      the foreign keys, the first one the table's own
 * @param endTable  the table whose column holds the value
 * @param endColumn that column
 */
public record TenantPath(List<ForeignKey> hops, String endTable, String endColumn) {

    public TenantPath {
        hops = List.copyOf(hops);
    }

    /** {@code clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (ForeignKey fk : hops) {
            parts.add(fk.table() + "." + columns(fk.columns()));
            parts.add(fk.referencedTable() + "." + columns(fk.referencedColumns()));
        }
        String last = endTable + "." + endColumn;
        if (!parts.get(parts.size() - 1).equals(last)) parts.add(last);
        return String.join(" → ", parts);
    }

    private static String columns(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
    }
}
