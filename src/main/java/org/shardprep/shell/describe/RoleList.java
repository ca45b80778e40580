package org.shardprep.shell.describe;

import org.shardprep.sql.render.ColumnInfo;

import java.util.ArrayList;
import java.util.List;

/** psql 15's describeRoles layout: \du and \dg turn pg_roles' flags into the "Attributes" column. */
final class RoleList {

    private RoleList() {
    }

    static TableContent of(CatalogQuery.Result r, boolean verbose) {
        List<String> headers = new ArrayList<>(List.of("Role name", "Attributes", "Member of"));
        if (verbose) headers.add("Description");
        int replication = verbose ? 10 : 9;   // the description column comes before the last two flags
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            List<String> attributes = new ArrayList<>();
            if (r.isTrue(i, 1)) attributes.add("Superuser");
            if (!r.isTrue(i, 2)) attributes.add("No inheritance");
            if (r.isTrue(i, 3)) attributes.add("Create role");
            if (r.isTrue(i, 4)) attributes.add("Create DB");
            if (!r.isTrue(i, 5)) attributes.add("Cannot login");
            if (r.isTrue(i, replication)) attributes.add("Replication");
            if (r.isTrue(i, replication + 1)) attributes.add("Bypass RLS");
            StringBuilder text = new StringBuilder(String.join(", ", attributes));
            int connections = parseInt(r.get(i, 6));
            if (connections >= 0) {
                if (text.length() > 0) text.append('\n');
                text.append(connections == 0 ? "No connections"
                        : connections == 1 ? "1 connection" : connections + " connections");
            }
            if (!r.get(i, 7).isEmpty()) {
                if (text.length() > 0) text.append('\n');
                text.append("Password valid until ").append(r.get(i, 7));
            }
            List<String> cells = new ArrayList<>(List.of(r.get(i, 0), text.toString(), r.get(i, 8)));
            if (verbose) cells.add(r.get(i, 9));
            rows.add(cells.toArray(String[]::new));
        }
        List<ColumnInfo> columns = headers.stream().map(h -> new ColumnInfo(h, ColumnInfo.TEXT)).toList();
        // psql prints this table without a "(N rows)" footer
        return new TableContent("List of roles", columns, rows, List.of(), true, true);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
