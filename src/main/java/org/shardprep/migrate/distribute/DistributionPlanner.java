package org.shardprep.migrate.distribute;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.migrate.distribute.DistributionPlan.Answer;
import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.migrate.distribute.DistributionPlan.KeyAnswers;
import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.PreparePlan;
import org.shardprep.prepare.PreparePlan.ChangeKind;
import org.shardprep.prepare.PreparePlan.ForeignKeyChange;
import org.shardprep.prepare.PreparePlan.KeyChange;
import org.shardprep.prepare.PreparePlan.TableRole;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.SchemaGraph;
import org.shardprep.prepare.SchemaGraph.KeyKind;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@link PreparePlan} as check-distribution and distribute run need it: for each table, what of the plan
 * the catalog shows still to do (that is what stands in the way of Citus, in the plan's words, each naming the
 * step of prepare run that does it), what Citus already manages, and the plan's Citus calls that are left.
 * There are no rules here of its own: the plan's are the rules.
 */
public final class DistributionPlanner {

    /** A reference table is copied whole to every node: above this size that is worth a second thought. */
    static final long LARGE_REFERENCE_ROWS = 100_000;

    /** Below this estimate a table is counted exactly: quick, and small tables' estimates are often stale. */
    static final long COUNT_BELOW = 100_000;

    private final PreparePlan plan;
    private final SchemaGraph graph;
    private final CitusServer citus;

    private DistributionPlanner(PreparePlan plan, SchemaGraph graph, CitusServer citus) {
        this.plan = plan;
        this.graph = graph;
        this.citus = citus;
    }

    /** The distribution plan of the schema on c, as the prepare plan has it and the catalog and Citus show it now. */
    public static DistributionPlan plan(Connection c, PreparePlan plan, SchemaGraph graph, CitusServer citus) throws SQLException {
        return new DistributionPlanner(plan, graph, citus).plan(c);
    }

    private DistributionPlan plan(Connection c) throws SQLException {
        String anchor = plan.statements().stream().filter(s -> s.role() == Role.DISTRIBUTED && s.colocateWith() == null)
                .map(CitusStep::table).findFirst().orElse(null);
        List<Entry> entries = new ArrayList<>();
        for (TableRole r : plan.tables()) {
            SchemaGraph.Table t = graph.table(r.table()).orElseThrow();
            List<String> problems = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            KeyAnswers keys = switch (r.role()) {
                case DISTRIBUTED -> distributed(r, t, problems);
                case REFERENCE -> reference(t, problems);
                case LOCAL -> KeyAnswers.NOT_ASKED;
            };
            long[] rows = rows(c, t);
            if (r.role() == Role.LOCAL) notes.add("stays a plain table on the coordinator: " + r.why());
            if (r.role() == Role.REFERENCE && rows[0] > LARGE_REFERENCE_ROWS) {
                notes.add("a reference table is copied whole to every node: " + (rows[1] == 1 ? "about " : "")
                        + String.format(Locale.ROOT, "%,d", rows[0]) + " rows");
            }
            plan.changes().stream().filter(ch -> ch.table().equals(t.name())
                            && (ch.kind() == ChangeKind.BECOMES_REFERENCE || ch.kind() == ChangeKind.TRIGGER_SAFE))
                    .forEach(ch -> notes.add(ch.text()));
            for (String p : plan.problems()) {
                if (p.startsWith(t.name() + ": ")) problems.add(p.substring(t.name().length() + 2));
            }
            Optional<CitusServer.CitusTable> managed = citus.table(t.name());
            managed.filter(m -> m.kind() == CitusServer.Kind.DISTRIBUTED && r.role() == Role.DISTRIBUTED
                    && !m.column().equals(r.distributionColumn())).ifPresent(m ->
                    problems.add("Citus already distributes it on " + m.column() + ", not " + r.distributionColumn() + " (undistribute_table first)"));
            managed.filter(m -> m.kind() == CitusServer.Kind.OTHER && r.role() != Role.LOCAL).ifPresent(m ->
                    notes.add("Citus has it as a local table (left by a distribution that failed?); the call below converts it"));
            boolean done = managed.map(m -> switch (r.role()) {
                case REFERENCE -> m.kind() == CitusServer.Kind.REFERENCE;
                case DISTRIBUTED -> m.kind() == CitusServer.Kind.DISTRIBUTED && m.column().equals(r.distributionColumn());
                case LOCAL -> false;
            }).orElse(false);
            entries.add(new Entry(t, r.role(), r.distributionColumn(), t.name().equals(anchor), done, keys, rows[0], rows[1] == 1,
                    List.copyOf(problems), List.copyOf(notes)));
        }
        // the plan's tables without a table of their own in it: rows that can get no tenant
        for (PreparePlan.Orphans o : plan.preflight().orphans()) {
            int i = indexOf(entries, o.table());
            Entry e = entries.get(i);
            List<String> problems = new ArrayList<>(e.problems());
            problems.add(String.format(Locale.ROOT, "%,d %s can get no tenant (%s; e.g. %s): fix or delete %s", o.count(),
                    o.count() == 1 ? "row" : "rows", o.reason(), String.join(", ", o.samples()), o.count() == 1 ? "it" : "them"));
            entries.set(i, new Entry(e.table(), e.role(), e.column(), e.anchor(), e.done(), e.keys(), e.rows(), e.rowsEstimated(),
                    List.copyOf(problems), e.notes()));
        }
        List<CitusStep> steps = plan.statements().stream()
                .filter(s -> entries.stream().noneMatch(e -> e.name().equals(s.table()) && e.done())).toList();
        return new DistributionPlan(plan, graph, entries, steps);
    }

    private static int indexOf(List<Entry> entries, String table) {
        for (int i = 0; i < entries.size(); i++) if (entries.get(i).name().equals(table)) return i;
        throw new IllegalStateException("no entry for " + table);
    }

    /** What prepare run still has to do to a table that is to be distributed, each as Citus would refuse it. */
    private KeyAnswers distributed(TableRole r, SchemaGraph.Table t, List<String> problems) {
        String column = r.distributionColumn();
        if (r.addsColumn()) {
            problems.add("no " + column + " column: prepare run adds it and fills it along " + r.path().get()
                    + " (Citus: a distributed table needs its distribution column)");
        } else if (!t.column(column).orElseThrow().notNull() && plan.keyChanges().stream().noneMatch(k -> k.key().table().equals(t.name())
                && k.key().kind() == KeyKind.PRIMARY_KEY && k.key().declaredOn() == null)) {   // a widened primary key makes it NOT NULL
            problems.add(column + " allows NULL, and Citus refuses rows without it (\"cannot perform an INSERT with NULL in the "
                    + "partition column\"): prepare run sets it NOT NULL");
        }
        Answer pk = t.primaryKey().isEmpty() ? Answer.NONE : Answer.YES;
        Answer unique = Answer.NONE;
        for (SchemaGraph.UniqueKey k : t.keys()) {
            if (k.kind() != KeyKind.PRIMARY_KEY) unique = unique == Answer.NO ? Answer.NO : Answer.YES;
        }
        for (KeyChange k : plan.keyChanges()) {
            if (!k.key().table().equals(t.name())) continue;
            if (k.key().kind() == KeyKind.PRIMARY_KEY && k.key().declaredOn() == null) pk = Answer.NO;
            else unique = Answer.NO;
            problems.add(k.key().kind().words() + " " + k.key().name() + (k.key().declaredOn() == null ? "" : " (on partition " + k.key().declaredOn() + ")")
                    + " (" + String.join(", ", k.key().columns()) + ") does not include " + column
                    + " (Citus: \"Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the "
                    + "partition column (with an equality operator if EXCLUDE).\"): prepare run widens it to (" + String.join(", ", k.newColumns()) + ")");
        }
        return new KeyAnswers(pk, unique, foreignKeys(t, problems));
    }

    private KeyAnswers reference(SchemaGraph.Table t, List<String> problems) {
        return new KeyAnswers(Answer.NOT_ASKED, Answer.NOT_ASKED, foreignKeys(t, problems));
    }

    /** The foreign keys of the table the plan changes: each a problem until prepare run has changed it. */
    private Answer foreignKeys(SchemaGraph.Table t, List<String> problems) {
        Answer answer = t.foreignKeys().isEmpty() ? Answer.NONE : Answer.YES;
        for (PreparePlan.KeyLift l : plan.lifts()) {
            if (!l.table().equals(t.name())) continue;
            answer = Answer.NO;
            problems.add("foreign keys " + l.declared().stream().map(SchemaGraph.ForeignKey::name).collect(java.util.stream.Collectors.joining(", "))
                    + " are declared on its partitions, not on " + t.name() + " (Citus: \"partition table ... involved in a foreign key "
                    + "relationship that is not inherited from its parent table\"): prepare run declares them on " + t.name() + " as " + l.name()
                    + (l.missing().isEmpty() ? "" : ", adding it to " + String.join(", ", l.missing()) + " first"));
        }
        for (ForeignKeyChange f : plan.foreignKeyChanges()) {
            if (!f.key().table().equals(t.name())) continue;
            answer = Answer.NO;
            SchemaGraph.ForeignKey fk = f.key();
            String where = fk.declaredOn() == null ? "" : " (on partition " + fk.declaredOn() + ")";
            String shape = "(" + String.join(", ", fk.columns()) + ") → " + fk.referencedTable() + " (" + String.join(", ", fk.referencedColumns()) + ")";
            if (f.dropped()) {
                problems.add("foreign key " + fk.name() + where + " " + shape + " goes from a reference table to a distributed one "
                        + "(Citus: \"cannot create foreign key constraint since foreign keys from reference tables and local tables to "
                        + "distributed tables are not supported\"): prepare run drops it");
            } else if (!f.newColumns().equals(fk.columns())) {
                problems.add("foreign key " + fk.name() + where + " " + shape + " does not hold the distribution columns on both sides "
                        + "(Citus: \"Foreign keys are supported in two cases, either in between two colocated tables including partition "
                        + "column in the same ordinal in the both tables or from distributed to reference tables\"): prepare run re-points it onto ("
                        + String.join(", ", f.newColumns()) + ") → (" + String.join(", ", f.newReferencedColumns()) + ")");
            } else {
                problems.add("foreign key " + fk.name() + where + " " + shape + fk.clauses() + " has an action Citus refuses on a key that "
                        + "includes the distribution column (Citus: \"SET NULL, SET DEFAULT or CASCADE is not supported in ON UPDATE "
                        + "operation when distribution key included in the foreign constraint.\" / \"SET NULL or SET DEFAULT is not "
                        + "supported in ON DELETE operation when distribution key is included in the foreign key constraint\"): "
                        + "prepare run re-creates it" + (f.clauses().isEmpty() ? " with NO ACTION" : f.clauses()));
            }
        }
        return answer;
    }

    /** {count, 1 when estimated}: exact below {@link #COUNT_BELOW} rows by the planner's estimate. */
    private static long[] rows(Connection c, SchemaGraph.Table t) throws SQLException {
        if (t.rows() >= COUNT_BELOW) return new long[] {t.rows(), 1};
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t.name())) {
            rs.next();
            return new long[] {rs.getLong(1), 0};
        }
    }

    /** A column name quoted as an identifier. */
    static String identifier(String name) {
        return SqlIdentifier.quote(name);
    }
}
