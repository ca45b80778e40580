package org.shardprep.prepare;

import org.shardprep.migrate.JoinPath;
import org.shardprep.prepare.SchemaGraph.ForeignKey;

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

    /** The joins of the path, as backfill and {@link org.shardprep.migrate.PathFill} take them. */
    public JoinPath joinPath() {
        return new JoinPath(hops.stream().map(fk -> new JoinPath.Hop(fk.table(), fk.columns(), fk.referencedTable(), fk.referencedColumns()))
                .toList(), endTable, endColumn);
    }

    /** {@code clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id} */
    @Override
    public String toString() {
        return joinPath().toString();
    }
}
