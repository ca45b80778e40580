package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.TableKeys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The key swap for one distribution column, worked out from the catalog as it is now: per table (in the
 * order foreign keys need, referenced tables first) the steps with their SQL, each marked done when the
 * catalog already shows its effect. Running the plan again after a stop therefore does only what is left.
 *
 * @param tables   the tables' steps, in the order they run
 * @param tenant   the table the column refers to (stores for store_id), when the catalog names one
 * @param nullable the tables, swapped or referencing a swapped one, whose column may still hold NULLs
 * @param problems reasons the plan must not run (no primary key, types that differ, names in the way)
 */
public record KeySwapPlan(String column, List<TableSteps> tables, Optional<String> tenant, List<String> nullable,
                          List<String> problems) {

    /**
     * One table's group: its primary key now, the key it gets, and the steps.
     *
     * @param relName the table's own name, unquoted, as the application's SQL names it
     */
    public record TableSteps(String table, String relName, List<String> primaryKey, List<String> newKey,
                             List<KeySwapStep> steps) {

        /** Whether the column is still to become NOT NULL here. */
        public boolean becomesNotNull() {
            return steps.stream().anyMatch(s -> s.kind() == KeySwapStep.Kind.SET_NOT_NULL && !s.done());
        }
    }

    public KeySwapPlan {
        tables = List.copyOf(tables);
        nullable = List.copyOf(nullable);
        problems = List.copyOf(problems);
    }

    public List<KeySwapStep> steps() {
        return tables.stream().flatMap(t -> t.steps().stream()).toList();
    }

    public List<KeySwapStep> pending() {
        return steps().stream().filter(s -> !s.done()).toList();
    }

    public List<String> tableNames() {
        return tables.stream().map(TableSteps::table).toList();
    }

    /**
     * Reads what the plan needs and builds it. With no table names: every table on the search path that has
     * the column, except the tenant table itself (whose primary key is the column alone).
     *
     * @throws IllegalArgumentException a table or the column that does not exist (the message says which)
     */
    public static KeySwapPlan read(Connection c, String column, List<String> tableNames) throws SQLException {
        Map<Long, TableKeys> selected = new LinkedHashMap<>();
        if (tableNames.isEmpty()) {
            for (String name : TableKeys.tablesWithColumn(c, column)) {
                Optional<TableKeys> t = TableKeys.read(c, name);
                if (t.isPresent() && !t.get().primaryKey().map(k -> k.columns().equals(List.of(column))).orElse(false)) {
                    selected.put(t.get().oid(), t.get());
                }
            }
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("no table has a column \"" + column + "\" to put into its keys");
            }
        } else {
            for (String name : tableNames) {
                TableKeys t = named(c, name).orElseThrow(() -> new IllegalArgumentException("table \"" + name + "\" does not exist"));
                if (t.column(column).isEmpty()) {
                    throw new IllegalArgumentException("column \"" + column + "\" of table " + t.name() + " does not exist");
                }
                selected.putIfAbsent(t.oid(), t);
            }
        }
        Map<String, TableKeys> known = new LinkedHashMap<>();
        selected.values().forEach(t -> known.put(t.name(), t));
        // one step out: the tables referenced and referencing (their columns decide the new foreign keys)
        for (TableKeys t : List.copyOf(known.values())) {
            for (TableKeys.ForeignKey fk : t.foreignKeys()) load(c, known, fk.referencedTable());
            for (TableKeys.ForeignKey fk : t.referencedBy()) load(c, known, fk.table());
        }
        // and the tenant table, which the column's own foreign keys point at
        for (TableKeys t : List.copyOf(known.values())) {
            for (TableKeys.ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().equals(List.of(column))) load(c, known, fk.referencedTable());
            }
        }
        return of(column, List.copyOf(selected.values()), known.values());
    }

    /** The plan from tables already read: selected are swapped, known holds at least their neighbours. */
    public static KeySwapPlan of(String column, List<TableKeys> selected, Collection<TableKeys> known) {
        Map<String, TableKeys> byName = new LinkedHashMap<>();
        known.forEach(t -> byName.put(t.name(), t));
        selected.forEach(t -> byName.put(t.name(), t));
        Optional<TableKeySwap.Tenant> tenant = tenant(column, byName);
        List<String> problems = new ArrayList<>();
        List<TableSteps> tables = new ArrayList<>();
        int number = 1;
        for (TableKeys t : dependencyOrder(selected)) {
            TableKeySwap swap = new TableKeySwap(column, t, byName, tenant, problems, number);
            swap.build().ifPresent(tables::add);
            number = swap.nextNumber();
        }
        List<String> nullable = new ArrayList<>();
        for (TableKeys t : selected) {
            if (t.column(column).map(col -> !col.notNull()).orElse(false) && !nullable.contains(t.name())) nullable.add(t.name());
            for (TableKeys.ForeignKey fk : t.referencedBy()) {
                TableKeys from = byName.get(fk.table());
                if (from != null && from.column(column).map(col -> !col.notNull()).orElse(false)
                        && !nullable.contains(from.name())) {
                    nullable.add(from.name());
                }
            }
        }
        return new KeySwapPlan(column, tables, tenant.map(s -> s.table().name()), nullable, problems);
    }

    /** Referenced tables before the tables referring to them (orders and products before line_items). */
    static List<TableKeys> dependencyOrder(List<TableKeys> tables) {
        List<TableKeys> remaining = new ArrayList<>(tables);
        List<TableKeys> ordered = new ArrayList<>();
        while (!remaining.isEmpty()) {
            TableKeys next = remaining.stream()
                    .filter(t -> t.foreignKeys().stream().noneMatch(fk -> !fk.referencedTable().equals(t.name())
                            && remaining.stream().anyMatch(r -> r.name().equals(fk.referencedTable()))))
                    .findFirst().orElse(remaining.get(0));   // a cycle: keep the given order
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
    }

    /** The table most foreign keys on (column) point at, with the column they point at. */
    private static Optional<TableKeySwap.Tenant> tenant(String column, Map<String, TableKeys> byName) {
        Map<String, Long> votes = byName.values().stream().flatMap(t -> t.foreignKeys().stream())
                .filter(fk -> fk.columns().equals(List.of(column)) && byName.containsKey(fk.referencedTable()))
                .collect(Collectors.groupingBy(TableKeys.ForeignKey::referencedTable, LinkedHashMap::new, Collectors.counting()));
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> {
            TableKeys owner = byName.get(e.getKey());
            String keyColumn = byName.values().stream().flatMap(t -> t.foreignKeys().stream())
                    .filter(fk -> fk.columns().equals(List.of(column)) && fk.referencedTable().equals(owner.name()))
                    .map(fk -> fk.referencedColumns().get(0)).findFirst().orElse(column);
            return new TableKeySwap.Tenant(owner, keyColumn);
        });
    }

    private static void load(Connection c, Map<String, TableKeys> known, String name) throws SQLException {
        if (known.containsKey(name)) return;
        TableKeys.read(c, name).ifPresent(t -> known.put(t.name(), t));
    }

    /** A table as the user named it; a name that is not even valid SQL is no table either. */
    private static Optional<TableKeys> named(Connection c, String name) throws SQLException {
        try {
            return TableKeys.read(c, name);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("42") || state.startsWith("22")) return Optional.empty();
            throw e;
        }
    }
}
