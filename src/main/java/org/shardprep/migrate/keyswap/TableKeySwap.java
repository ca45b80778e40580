package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.migrate.TableKeys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.shardprep.migrate.SqlIdentifier.quote;
import static org.shardprep.migrate.SqlIdentifier.truncate;

/**
 * The steps that move the distribution column into one table's keys, each marked done or not from the
 * table's catalog state: NOT NULL by a validated check, the new unique index built concurrently, the
 * primary key swapped onto it in one short transaction together with the foreign keys that pointed at the
 * old key (dropped and re-added NOT VALID), those validated, and the table's own foreign key to the tenant
 * table. Names are the exercise's: t_tmp_idx, t_pkey kept, referencing_referenced_fkey, t_column_fkey.
 */
final class TableKeySwap {

    /** The table that owns the column's values (stores for store_id), found from the foreign keys on the column. */
    record Tenant(TableKeys table, String keyColumn) {}

    /** A foreign key re-pointed at the new key: dropName is the old one's name, name the new one's. */
    private record NewForeignKey(String table, String dropName, String name, List<String> columns) {}

    private final String column;
    private final TableKeys table;
    private final Map<String, TableKeys> known;
    private final Optional<Tenant> tenant;
    private final List<String> problems;
    private final List<KeySwapStep> steps = new ArrayList<>();
    private int next;

    /**
     * @param known    tables by regclass name: at least those referencing this one and the tenant table
     * @param problems where reasons not to run are added
     */
    TableKeySwap(String column, TableKeys table, Map<String, TableKeys> known, Optional<Tenant> tenant,
                 List<String> problems, int firstNumber) {
        this.column = column;
        this.table = table;
        this.known = known;
        this.tenant = tenant;
        this.problems = problems;
        this.next = firstNumber;
    }

    /** The table's steps, or empty when it cannot be swapped at all (the reason is in problems). */
    Optional<KeySwapPlan.TableSteps> build() {
        TableKeys.Column col = table.column(column).orElse(null);
        if (col == null) {
            problems.add("column \"" + column + "\" of table " + table.name() + " does not exist");
            return Optional.empty();
        }
        TableKeys.Key pk = table.primaryKey().orElse(null);
        if (pk == null) {
            problems.add("table " + table.name() + " has no primary key: swap-pk puts " + column
                    + " in front of a primary key (name the tables to swap to leave it out)");
            return Optional.empty();
        }
        tenant.filter(s -> s.table().oid() != table.oid()).ifPresent(s -> sameType(table, s.table(), s.keyColumn()));
        boolean swapped = pk.columns().contains(column);
        List<String> newKey = new ArrayList<>(pk.columns());
        if (!swapped) newKey.add(0, column);
        List<String> oldKey = newKey.stream().filter(c -> !c.equals(column)).toList();

        notNull(col);
        String tmp = truncate(table.relName() + "_tmp_idx");
        index(tmp, swapped, newKey);
        List<NewForeignKey> repointed = swapped ? List.of() : repointed(oldKey);
        swap(pk, tmp, swapped, newKey, repointed);
        validateReferencing(swapped, newKey, repointed);
        tenantForeignKey();
        return Optional.of(new KeySwapPlan.TableSteps(table.name(), table.relName(), pk.columns(), List.copyOf(newKey), List.copyOf(steps)));
    }

    int nextNumber() { return next; }

    private void notNull(TableKeys.Column col) {
        String t = table.name();
        String check = truncate(table.relName() + "_" + column + "_not_null_check");
        Optional<TableKeys.Check> existing = table.check(check);
        boolean notNull = col.notNull();
        step(KeySwapStep.Kind.ADD_NOT_NULL_CHECK, notNull || existing.isPresent(),
                "NOT NULL check on " + column + ", NOT VALID",
                "a moment's lock and no scan; every row written from now on is checked",
                "ALTER TABLE " + t + " ADD CONSTRAINT " + quote(check) + " CHECK (" + quote(column) + " IS NOT NULL) NOT VALID");
        step(KeySwapStep.Kind.VALIDATE_NOT_NULL_CHECK, notNull || existing.map(TableKeys.Check::valid).orElse(false),
                "validate " + check,
                "scans " + t + " under SHARE UPDATE EXCLUSIVE: inserts and updates go on",
                "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + quote(check));
        step(KeySwapStep.Kind.SET_NOT_NULL, notNull,
                column + " SET NOT NULL",
                "the valid check proves it, so no scan (PostgreSQL 12+): a moment's exclusive lock",
                "ALTER TABLE " + t + " ALTER COLUMN " + quote(column) + " SET NOT NULL");
        step(KeySwapStep.Kind.DROP_NOT_NULL_CHECK, notNull && existing.isEmpty(),
                "drop " + check,
                "NOT NULL says the same now",
                "ALTER TABLE " + t + " DROP CONSTRAINT " + quote(check));
    }

    private void index(String tmp, boolean swapped, List<String> newKey) {
        Optional<TableKeys.Index> existing = table.index(tmp);
        boolean ready = existing.filter(i -> i.valid() && i.unique() && i.columns().equals(newKey)).isPresent();
        if (!swapped && existing.isPresent() && existing.get().valid() && !ready) {
            problems.add("index " + tmp + " exists but is not a unique index on (" + String.join(", ", newKey)
                    + "): drop or rename it and run swap-pk again");
        }
        if (!swapped && existing.isPresent() && !existing.get().valid()) {
            step(KeySwapStep.Kind.DROP_INVALID_INDEX, false,
                    "drop the invalid index " + tmp,
                    "an earlier CREATE INDEX CONCURRENTLY stopped half-way; it is built again next",
                    "DROP INDEX CONCURRENTLY " + quote(table.schema()) + "." + quote(tmp));
        }
        step(KeySwapStep.Kind.CREATE_INDEX, swapped || ready,
                "unique index on (" + String.join(", ", newKey) + ")",
                "CONCURRENTLY, outside a transaction: writes go on while it builds",
                "CREATE UNIQUE INDEX CONCURRENTLY " + quote(tmp) + " ON " + table.name() + " (" + columns(newKey) + ")");
    }

    /** The foreign keys that point at the old key: they go with it, and come back on the new one. */
    private List<NewForeignKey> repointed(List<String> oldKey) {
        List<NewForeignKey> out = new ArrayList<>();
        for (TableKeys.ForeignKey fk : table.referencedBy()) {
            if (!Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(oldKey)) || fk.referencedColumns().size() != oldKey.size()) continue;
            TableKeys from = known.get(fk.table());
            if (from == null || from.column(column).isEmpty()) {
                problems.add("foreign key " + fk.name() + " of " + fk.table() + " refers to " + table.name() + " ("
                        + String.join(", ", oldKey) + ") but " + fk.table() + " has no column " + column
                        + ": add and fill it there first");
                continue;
            }
            sameType(from, table, column);
            List<String> cols = new ArrayList<>(List.of(column));
            for (String k : oldKey) cols.add(fk.columns().get(fk.referencedColumns().indexOf(k)));
            String name = truncate(from.relName() + "_" + table.relName() + "_fkey");
            if (constraintNames(from).contains(name)) {
                problems.add(from.name() + " already has a constraint named " + name
                        + ", the name the re-pointed foreign key " + fk.name() + " would get: drop or rename it");
            }
            out.add(new NewForeignKey(fk.table(), fk.name(), name, cols));
        }
        return out;
    }

    private void swap(TableKeys.Key pk, String tmp, boolean swapped, List<String> newKey, List<NewForeignKey> repointed) {
        String t = table.name();
        List<String> sql = new ArrayList<>();
        if (!repointed.isEmpty()) {
            // the referenced table first, then the referencing ones: the order the application's writes take them
            Set<String> lockOrder = new LinkedHashSet<>();
            lockOrder.add(t);
            repointed.forEach(fk -> lockOrder.add(fk.table()));
            sql.add("LOCK TABLE " + String.join(", ", lockOrder) + " IN ACCESS EXCLUSIVE MODE");
            repointed.forEach(fk -> sql.add("ALTER TABLE " + fk.table() + " DROP CONSTRAINT " + quote(fk.dropName())));
        }
        sql.add("ALTER TABLE " + t + " DROP CONSTRAINT " + quote(pk.name()) + ", ADD CONSTRAINT " + quote(pk.name())
                + " PRIMARY KEY USING INDEX " + quote(tmp));
        repointed.forEach(fk -> sql.add("ALTER TABLE " + fk.table() + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY ("
                + columns(fk.columns()) + ") REFERENCES " + t + " (" + columns(newKey) + ") NOT VALID"));
        String title = "primary key onto " + tmp + (repointed.isEmpty() ? ""
                : ", " + repointed.stream().map(NewForeignKey::dropName).collect(Collectors.joining(", ")) + " re-pointed");
        String why = repointed.isEmpty()
                ? "one short transaction, no scan: the column is NOT NULL and the index is built"
                : "one short transaction, no scan; the foreign keys come back NOT VALID: new rows are checked at once, old ones next";
        steps.add(new KeySwapStep(next++, t, KeySwapStep.Kind.SWAP_PRIMARY_KEY, title, why, sql, swapped));
    }

    /** Validating scans the referencing table under SHARE UPDATE EXCLUSIVE (ROW SHARE on this one). */
    private void validateReferencing(boolean swapped, List<String> newKey, List<NewForeignKey> repointed) {
        if (!swapped) {
            for (NewForeignKey fk : repointed) validate(fk.table(), fk.name(), false);
            return;
        }
        for (TableKeys.ForeignKey fk : table.referencedBy()) {
            if (fk.referencedColumns().equals(newKey)) validate(fk.table(), fk.name(), fk.valid());
        }
    }

    private void validate(String on, String name, boolean done) {
        step(KeySwapStep.Kind.VALIDATE_FOREIGN_KEY, done, "validate " + name,
                "scans " + on + " under SHARE UPDATE EXCLUSIVE (ROW SHARE on " + table.name() + "): inserts go on",
                "ALTER TABLE " + on + " VALIDATE CONSTRAINT " + quote(name));
    }

    /** Every row belongs to a tenant: the exercise adds line_items_store_id_fkey, the others have one already. */
    private void tenantForeignKey() {
        if (tenant.isEmpty() || tenant.get().table().oid() == table.oid()) return;
        TableKeys owner = tenant.get().table();
        Optional<TableKeys.ForeignKey> existing = table.foreignKeys().stream()
                .filter(fk -> fk.columns().equals(List.of(column)) && fk.referencedTable().equals(owner.name())).findFirst();
        String name = existing.map(TableKeys.ForeignKey::name).orElse(truncate(table.relName() + "_" + column + "_fkey"));
        if (existing.isEmpty() && constraintNames(table).contains(name)) {
            problems.add(table.name() + " already has a constraint named " + name
                    + ", the name its foreign key to " + owner.name() + " would get: drop or rename it");
        }
        step(KeySwapStep.Kind.ADD_FOREIGN_KEY, existing.isPresent(),
                "foreign key (" + column + ") to " + owner.name() + ", NOT VALID",
                "every row belongs to a " + owner.relName() + " row; a moment's lock, no scan",
                "ALTER TABLE " + table.name() + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY (" + quote(column)
                        + ") REFERENCES " + owner.name() + " (" + quote(tenant.get().keyColumn()) + ") NOT VALID");
        step(KeySwapStep.Kind.VALIDATE_FOREIGN_KEY, existing.map(TableKeys.ForeignKey::valid).orElse(false),
                "validate " + name,
                "scans " + table.name() + " under SHARE UPDATE EXCLUSIVE (ROW SHARE on " + owner.name() + "): inserts go on",
                "ALTER TABLE " + table.name() + " VALIDATE CONSTRAINT " + quote(name));
    }

    private void sameType(TableKeys from, TableKeys to, String toColumn) {
        String have = from.column(column).map(TableKeys.Column::type).orElse(null);
        String want = to.column(toColumn).map(TableKeys.Column::type).orElse(null);
        if (have != null && want != null && !have.equals(want)) {
            problems.add(from.name() + "." + column + " is " + have + " but " + to.name() + "." + toColumn
                    + ", the key it refers to, is " + want + ": make the types equal first");
        }
    }

    private void step(KeySwapStep.Kind kind, boolean done, String title, String why, String sql) {
        steps.add(new KeySwapStep(next++, table.name(), kind, title, why, List.of(sql), done));
    }

    private static Set<String> constraintNames(TableKeys t) {
        Set<String> names = new java.util.HashSet<>();
        t.primaryKey().ifPresent(k -> names.add(k.name()));
        t.uniques().forEach(k -> names.add(k.name()));
        t.foreignKeys().forEach(k -> names.add(k.name()));
        t.checks().forEach(k -> names.add(k.name()));
        return names;
    }

    private static String columns(List<String> names) {
        return names.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
    }
}
