package org.shardprep.shell.describe;

/**
 * psql 15's listPartitionedTables: \dP[itn+]. {@code t} lists partitioned tables, {@code i} partitioned
 * indexes (both when neither is given), {@code n} includes nested partitions, as does a pattern, which also
 * shows each one's parent.
 */
final class PartitionQueries {

    private final String database;

    PartitionQueries(String database) {
        this.database = database;
    }

    /** The query and its title, which names what is listed; {@code kinds} are the letters after \dP
     * (psql 15 ignores any but i, t and n). */
    /** The query and its title, which names what is listed. */
    CatalogListings.Listing partitioned(String kinds, String pattern, boolean verbose) throws DescribeException {
        boolean tables = kinds.indexOf('t') >= 0;
        boolean indexes = kinds.indexOf('i') >= 0;
        boolean nested = kinds.indexOf('n') >= 0;
        boolean mixed = false;
        if (!tables && !indexes) {
            tables = indexes = true;
        }
        String title;
        if (indexes && !tables) {
            title = "List of partitioned indexes";
        } else if (tables && !indexes) {
            title = "List of partitioned tables";
        } else {
            title = "List of partitioned relations";
            mixed = true;
        }
        boolean parents = nested || pattern != null;
        StringBuilder sql = new StringBuilder("SELECT n.nspname as \"Schema\",\n"
                + "  c.relname as \"Name\",\n"
                + "  pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"");
        if (mixed) {
            sql.append(",\n  CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\"");
        }
        if (parents) sql.append(",\n  inh.inhparent::pg_catalog.regclass as \"Parent name\"");
        if (indexes) sql.append(",\n c2.oid::pg_catalog.regclass as \"Table\"");
        if (verbose) {
            // nested: the leaf partitions directly below, and everything below
            if (nested) sql.append(",\n  s.dps as \"Leaf partition size\"");
            sql.append(",\n  s.tps as \"Total size\"")
                    .append(",\n  pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"");
        }
        sql.append("\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace");
        if (indexes) {
            sql.append("\n     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
                    + "\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid");
        }
        if (parents) sql.append("\n     LEFT JOIN pg_catalog.pg_inherits inh ON c.oid = inh.inhrelid");
        if (verbose) {
            sql.append(",\n     LATERAL (SELECT pg_catalog.pg_size_pretty(sum("
                    + "\n                 CASE WHEN ppt.isleaf AND ppt.level = 1"
                    + "\n                      THEN pg_catalog.pg_table_size(ppt.relid) ELSE 0 END)) AS dps"
                    + ",\n                     pg_catalog.pg_size_pretty(sum(pg_catalog.pg_table_size(ppt.relid))) AS tps"
                    + "\n              FROM pg_catalog.pg_partition_tree(c.oid) ppt) s");
        }
        sql.append("\nWHERE c.relkind IN (");
        if (tables) sql.append("'p',");
        if (indexes) sql.append("'I',");
        sql.append("'')\n");
        if (!parents) sql.append(" AND NOT c.relispartition\n");
        if (pattern == null) {
            sql.append("      AND n.nspname <> 'pg_catalog'\n"
                    + "      AND n.nspname !~ '^pg_toast'\n"
                    + "      AND n.nspname <> 'information_schema'\n");
        }
        sql.append(NamePattern.where(pattern, true, false, "n.nspname", "c.relname", null,
                "pg_catalog.pg_table_is_visible(c.oid)", 3, database));
        sql.append("ORDER BY \"Schema\", ").append(mixed ? "\"Type\" DESC, " : "")
                .append(parents ? "\"Parent name\" NULLS FIRST, " : "").append("\"Name\";");
        return new CatalogListings.Listing(title, sql.toString());
    }
}
