package org.shardprep.prepare;

import org.shardprep.prepare.PreparePlan.ChangeKind;
import org.shardprep.prepare.PreparePlan.CrossTenant;
import org.shardprep.prepare.PreparePlan.ForeignKeyChange;
import org.shardprep.prepare.PreparePlan.KeyChange;
import org.shardprep.prepare.PreparePlan.Orphans;
import org.shardprep.prepare.PreparePlan.SemanticChange;
import org.shardprep.prepare.PreparePlan.TableRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan as the user reads it: plain lines, in the order the work would be done. */
public final class PlanReport {

    private PlanReport() {}

    public static List<String> lines(PreparePlan plan) {
        List<String> out = new ArrayList<>();
        out.add("Plan: distribute on " + plan.column() + plan.tenant().map(t -> ", tenant table " + t.table()
                + (t.key().equals(plan.column()) ? "" : " (on its key " + t.key() + ")")).orElse(", no tenant table")
                + ": " + count(plan.withRole(Role.DISTRIBUTED).size(), "distributed table") + ", "
                + count(plan.withRole(Role.REFERENCE).size(), "reference table") + ", "
                + count(plan.withRole(Role.LOCAL).size(), "local table") + ". Nothing has been changed.");

        section(out, "Tables");
        for (TableRole r : plan.tables()) {
            String role = switch (r.role()) {
                case DISTRIBUTED -> "distributed on " + r.distributionColumn();
                case REFERENCE -> "reference";
                case LOCAL -> "local";
            };
            out.add("  " + r.table() + ": " + role + " (" + r.why() + ")");
            r.path().ifPresent(p -> out.add("      " + plan.column() + " from " + p));
        }

        if (!plan.keyChanges().isEmpty() || !plan.foreignKeyChanges().isEmpty() || !plan.lifts().isEmpty()) {
            section(out, "Key changes");
            for (KeyChange k : plan.keyChanges()) {
                out.add("  " + k.key().where() + ": " + k.key().kind().words() + " " + k.key().name() + " (" + String.join(", ", k.key().columns())
                        + ") → (" + String.join(", ", k.newColumns()) + ")" + (k.key().predicate() == null ? "" : " WHERE " + k.key().predicate()));
            }
            for (ForeignKeyChange f : plan.foreignKeyChanges()) {
                if (f.dropped()) {
                    out.add("  " + f.key().where() + ": foreign key " + f.key().name() + " dropped");
                    continue;
                }
                out.add("  " + f.key().where() + ": foreign key " + f.key().name() + " (" + String.join(", ", f.newColumns()) + ") REFERENCES "
                        + f.key().referencedTable() + " (" + String.join(", ", f.newReferencedColumns()) + ")" + f.clauses());
            }
            for (PreparePlan.KeyLift l : plan.lifts()) {
                out.add("  " + l.table() + ": foreign key " + l.name() + " (" + String.join(", ", l.columns()) + ") REFERENCES "
                        + l.referencedTable() + " (" + String.join(", ", l.referencedColumns()) + ")" + l.clauses() + ", attaching "
                        + l.declared().size() + " partitions' keys" + (l.missing().isEmpty() ? "" : ", added to " + String.join(", ", l.missing()) + " first"));
            }
        }

        if (!plan.changes().isEmpty()) {
            section(out, "What changes for the application");
            for (ChangeKind kind : ChangeKind.values()) {
                for (SemanticChange c : plan.changes(kind)) out.add("  " + c.table() + ": " + c.text());
            }
        }

        section(out, "Pre-flight on the data");
        if (plan.preflight().orphans().isEmpty() && plan.preflight().crossTenant().isEmpty()) {
            out.add("  every row gets a tenant, and no row points at a row of another tenant");
        }
        for (Orphans o : plan.preflight().orphans()) {
            out.add("  " + o.table() + ": " + count(o.count(), "row") + " can get no tenant: " + o.reason() + samples(o.samples()));
        }
        for (CrossTenant x : plan.preflight().crossTenant()) {
            out.add("  " + x.table() + ": " + count(x.count(), "row") + " point through " + x.key().name() + " (" + String.join(", ", x.key().columns())
                    + ") at a row of " + x.key().referencedTable() + " of another tenant" + samples(x.samples()) + "; " + x.proposal());
        }

        if (!plan.problems().isEmpty()) {
            section(out, "Problems (Citus would refuse)");
            plan.problems().forEach(p -> out.add("  " + p));
        }

        section(out, "Citus statements, in order");
        plan.settings().forEach(s -> out.add("  " + s));
        for (CitusStep s : plan.statements()) out.add("  " + s.sql());

        out.add("");
        if (plan.ready()) {
            out.add("Ready to prepare.");
        } else {
            List<String> why = new ArrayList<>();
            if (!plan.preflight().orphans().isEmpty()) why.add(count(plan.preflight().orphanRows(), "row") + " can get no tenant");
            if (!plan.problems().isEmpty()) why.add(count(plan.problems().size(), "problem"));
            out.add("Not ready: " + String.join(", ", why) + ".");
        }
        return out;
    }

    private static void section(List<String> out, String title) {
        out.add("");
        out.add(title + ":");
    }

    private static String samples(List<String> samples) {
        return samples.isEmpty() ? "" : " (e.g. " + String.join(", ", samples) + ")";
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
