package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;

import org.shardprep.migrate.distribute.DistributionPlan.Answer;
import org.shardprep.migrate.distribute.DistributionPlan.KeyAnswers;
import org.shardprep.migrate.distribute.DistributionPlan.Role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Citus's rules for one table in its planned role, in plain words. Problems are what Citus refuses (or what
 * leaves a schema Citus cannot keep consistent); notes are worth knowing and not in the way:
 * <ul>
 * <li>a distributed table needs the column, with no NULLs in it;</li>
 * <li>its primary key, unique constraints and unique indexes must include the column;</li>
 * <li>a foreign key to another distributed table must include the column on both sides, at the same position
 *     (and the tables must be colocated, which the plan does); keys to reference tables are fine;</li>
 * <li>no foreign key may come from a table left as a plain table, or from a reference table;</li>
 * <li>colocated tables need the same column type; tables with triggers are refused.</li>
 * </ul>
 */
final class ReadinessChecks {

    /** A reference table is copied whole to every node: above this size that is worth a second thought. */
    static final long LARGE_REFERENCE_ROWS = 100_000;

    /** What one table's check found. */
    record Findings(KeyAnswers keys, List<String> problems, List<String> notes) {}

    private final String column;
    private final Function<String, Optional<Role>> roles;
    private final Function<String, Optional<String>> distributionColumns;
    private final Optional<TableSurvey> anchor;

    /**
     * @param roles               a table's role in the plan, or as Citus already has it; empty for a table that
     *                            is neither planned nor Citus's
     * @param distributionColumns the distribution column of a distributed table
     * @param anchor              the colocation anchor, when there is one
     */
    ReadinessChecks(String column, Function<String, Optional<Role>> roles,
                    Function<String, Optional<String>> distributionColumns, Optional<TableSurvey> anchor) {
        this.column = column;
        this.roles = roles;
        this.distributionColumns = distributionColumns;
        this.anchor = anchor;
    }

    Findings check(TableSurvey t, Role role) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        KeyAnswers keys = switch (role) {
            case DISTRIBUTED -> distributed(t, problems, notes);
            case REFERENCE -> reference(t, problems, notes);
            case LOCAL -> {
                notes.add("stays a plain table on the coordinator: it has no " + column + " and no distributed table refers to it");
                yield KeyAnswers.NOT_ASKED;
            }
        };
        if (role != Role.LOCAL) {
            for (String trigger : t.triggers()) {
                problems.add("trigger " + trigger + ": Citus distributes no table with triggers (drop it, or SET citus.enable_unsafe_triggers)");
            }
            t.citus().filter(c -> c.kind() == CitusServer.Kind.OTHER).ifPresent(c ->
                    notes.add("Citus has it as a local table (left by a concurrent distribution that failed?); the call below converts it"));
        }
        return new Findings(keys, List.copyOf(problems), List.copyOf(notes));
    }

    private KeyAnswers distributed(TableSurvey t, List<String> problems, List<String> notes) {
        TableKeys keys = t.keys();
        Optional<TableKeys.Column> own = keys.column(column);
        t.citus().filter(c -> c.kind() == CitusServer.Kind.DISTRIBUTED && !column.equals(c.column())).ifPresent(c ->
                problems.add("Citus already distributes it on " + c.column() + ", not " + column + " (undistribute_table first)"));
        if (own.isEmpty()) {
            List<String> targets = keys.foreignKeys().stream().map(TableKeys.ForeignKey::referencedTable)
                    .filter(n -> roles.apply(n).orElse(Role.LOCAL) == Role.DISTRIBUTED).distinct().toList();
            problems.add("no " + column + " column" + (targets.isEmpty() ? "" : ", yet its foreign keys tie it to "
                    + String.join(" and ", targets) + (targets.size() == 1 ? ", which is" : ", which are") + " distributed")
                    + ": add " + column + " and backfill it");
            // its keys cannot include a column it does not have: the one problem says it
            boolean uniques = !keys.uniques().isEmpty() || keys.indexes().stream().anyMatch(i -> i.unique() && !i.primary());
            return new KeyAnswers(keys.primaryKey().isPresent() ? Answer.NO : Answer.NONE, uniques ? Answer.NO : Answer.NONE,
                    keys.foreignKeys().isEmpty() ? Answer.NONE : Answer.NO);
        }
        anchor.filter(a -> a != t && a.hasColumn(column)).ifPresent(a -> {
            String anchorType = a.keys().column(column).orElseThrow().type();
            if (!anchorType.equals(own.get().type())) {
                problems.add(column + " is " + own.get().type() + " here but " + anchorType + " in " + a.name()
                        + ": colocated tables need one type");
            }
        });
        Optional<TableKeys.Key> pk = keys.primaryKey();
        if (!own.get().notNull()) {
            if (t.nullRows() > 0) {
                problems.add(t.nullRows() + (t.nullRows() == 1 ? " row has" : " rows have") + " no " + column + " (NULL): backfill "
                        + (t.nullRows() == 1 ? "it" : "them"));
            } else if (pk.isEmpty()) {
                notes.add(column + " allows NULL, and Citus refuses rows without it: SET NOT NULL");
            }   // else the primary key swap below makes it NOT NULL
        }
        Answer pkAnswer = pk.map(k -> k.columns().contains(column) ? Answer.YES : Answer.NO).orElse(Answer.NONE);
        pk.filter(k -> !k.columns().contains(column)).ifPresent(k ->
                problems.add("primary key " + k.name() + " (" + String.join(", ", k.columns()) + ") does not include " + column + "; run swap-pk"));
        Answer uniqueAnswer = Answer.NONE;
        Set<String> constraintIndexes = new HashSet<>();
        pk.ifPresent(k -> constraintIndexes.add(k.indexName()));
        for (TableKeys.Key u : keys.uniques()) {
            constraintIndexes.add(u.indexName());
            uniqueAnswer = worse(uniqueAnswer, u.columns().contains(column));
            if (!u.columns().contains(column)) {
                problems.add("unique constraint " + u.name() + " (" + String.join(", ", u.columns()) + ") does not include " + column);
            }
        }
        for (TableKeys.Index i : keys.indexes()) {
            if (!i.valid()) notes.add("index " + i.name() + " is invalid (a CREATE INDEX CONCURRENTLY that failed?): drop it");
            if (!i.unique() || constraintIndexes.contains(i.name())) continue;
            uniqueAnswer = worse(uniqueAnswer, i.columns().contains(column));
            if (!i.columns().contains(column)) {
                problems.add("unique index " + i.name() + " (" + String.join(", ", i.columns()) + ") does not include " + column);
            }
        }
        Answer fkAnswer = Answer.NONE;
        for (TableKeys.ForeignKey fk : keys.foreignKeys()) {
            Optional<Role> target = roles.apply(fk.referencedTable());
            boolean fits = true;
            if (target.isEmpty()) {
                problems.add(leftOut(fk));
                fits = false;
            } else if (target.get() == Role.DISTRIBUTED) {
                String targetColumn = distributionColumns.apply(fk.referencedTable()).orElse(column);
                fits = includesAtSamePosition(fk, targetColumn);
                if (!fits) {
                    problems.add("foreign key " + fk.name() + " (" + String.join(", ", fk.columns()) + ") references "
                            + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ") without " + column + "; run swap-pk");
                }
            }   // a key to a reference table is fine
            fkAnswer = worse(fkAnswer, fits);
        }
        for (TableKeys.ForeignKey fk : keys.referencedBy()) {
            if (roles.apply(fk.table()).isEmpty()) {
                problems.add("foreign key " + fk.name() + " of " + fk.table() + " points at it, and " + fk.table()
                        + " is left out: check it too (Citus allows no key from a plain table to a distributed one)");
            }
        }
        return new KeyAnswers(pkAnswer, uniqueAnswer, fkAnswer);
    }

    private KeyAnswers reference(TableSurvey t, List<String> problems, List<String> notes) {
        Answer fkAnswer = Answer.NONE;
        for (TableKeys.ForeignKey fk : t.keys().foreignKeys()) {
            boolean fits = roles.apply(fk.referencedTable()).isPresent();
            if (!fits) problems.add(leftOut(fk));
            fkAnswer = worse(fkAnswer, fits);
        }
        if (t.rows() > LARGE_REFERENCE_ROWS) {
            notes.add("a reference table is copied whole to every node: " + (t.rowsEstimated() ? "about " : "")
                    + String.format(Locale.ROOT, "%,d", t.rows()) + " rows");
        }
        return new KeyAnswers(Answer.NOT_ASKED, Answer.NOT_ASKED, fkAnswer);
    }

    /** One more key answered: NO stays NO, otherwise the key's own answer. */
    private static Answer worse(Answer sofar, boolean fits) {
        return sofar == Answer.NO || !fits ? Answer.NO : Answer.YES;
    }

    private String leftOut(TableKeys.ForeignKey fk) {
        return "foreign key " + fk.name() + " references " + fk.referencedTable() + ", which is left out: check it too";
    }

    /** Citus: the distribution columns must sit at the same position on both sides of the key. */
    private boolean includesAtSamePosition(TableKeys.ForeignKey fk, String targetColumn) {
        for (int i = 0; i < fk.columns().size() && i < fk.referencedColumns().size(); i++) {
            if (fk.columns().get(i).equals(column) && fk.referencedColumns().get(i).equals(targetColumn)) return true;
        }
        return false;
    }
}
