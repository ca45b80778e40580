package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;
import org.shardprep.migrate.distribute.DistributionPlan.Entry;
import org.shardprep.migrate.distribute.DistributionPlan.Role;
import org.shardprep.migrate.distribute.DistributionPlan.Step;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides each table's role and the order of the Citus calls.
 * <p>Roles: a table with the column is distributed on it; one without it whose foreign keys point at a
 * distributed table must be distributed too (it needs the column: a problem); one without it that distributed or
 * reference tables point at becomes a reference table; the rest stay plain tables. Citus's own view wins for
 * tables it already manages.
 * <p>Order: reference tables first (a table referenced by another before it), then the colocation anchor (the
 * tenant table: its primary key is exactly the column, and the others point at it), then the remaining
 * distributed tables, each after the tables it references, colocated with the anchor.
 */
public final class DistributionPlanner {

    private DistributionPlanner() {}

    /**
     * @param tables the tables to plan, as surveyed
     * @param citus  every table Citus already manages (the planned ones and any other)
     */
    public static DistributionPlan plan(List<TableSurvey> tables, String column, Map<String, CitusServer.CitusTable> citus) {
        Map<String, TableSurvey> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Function<String, Optional<Role>> outside = name -> Optional.ofNullable(citus.get(name)).flatMap(DistributionPlanner::citusRole);
        Map<String, Role> roles = roles(byName, column, outside);
        Function<String, Optional<Role>> roleOf = name -> byName.containsKey(name) ? Optional.of(roles.get(name)) : outside.apply(name);

        List<TableSurvey> references = ofRole(byName, roles, Role.REFERENCE);
        List<TableSurvey> distributed = ofRole(byName, roles, Role.DISTRIBUTED);
        Optional<TableSurvey> candidate = anchorCandidate(distributed, column, roleOf);

        // one order for the report and the calls: the calls are the tables Citus does not have yet, in that order
        Map<String, List<String>> cycles = new HashMap<>();
        List<TableSurvey> referenceOrder = order(references, roleOf, Role.REFERENCE, Optional.empty(), cycles);
        List<TableSurvey> distributedOrder = order(distributed, roleOf, Role.DISTRIBUTED, candidate, cycles);
        List<TableSurvey> referenceSteps = notDone(referenceOrder, column);
        List<TableSurvey> distributedSteps = notDone(distributedOrder, column);
        Optional<TableSurvey> anchor = candidate.filter(c -> done(c, column) || (!distributedSteps.isEmpty() && distributedSteps.get(0) == c))
                .or(() -> distributedSteps.stream().findFirst());

        ReadinessChecks checks = new ReadinessChecks(column, roleOf, name -> distributionColumn(name, byName, roles, column, citus), anchor);
        List<Entry> entries = new ArrayList<>();
        List<TableSurvey> reportOrder = new ArrayList<>(referenceOrder);
        reportOrder.addAll(distributedOrder);
        byName.values().stream().filter(t -> roles.get(t.name()) == Role.LOCAL).sorted(Comparator.comparing(TableSurvey::name)).forEach(reportOrder::add);
        for (TableSurvey t : reportOrder) {
            ReadinessChecks.Findings f = checks.check(t, roles.get(t.name()));
            List<String> problems = new ArrayList<>(f.problems());
            List<String> others = cycles.get(t.name());
            if (others != null) {
                problems.add("its foreign keys and those of " + String.join(", ", others)
                        + " form a cycle: Citus needs each referenced table distributed before the tables that reference it");
            }
            entries.add(new Entry(t, roles.get(t.name()), anchor.isPresent() && anchor.get() == t, done(t, column), f.keys(), problems, f.notes()));
        }

        List<Step> steps = new ArrayList<>();
        referenceSteps.forEach(t -> steps.add(new Step(t.name(), Role.REFERENCE, null, null)));
        for (TableSurvey t : distributedSteps) {
            steps.add(new Step(t.name(), Role.DISTRIBUTED, column, anchor.get() == t ? null : anchor.get().name()));
        }
        return new DistributionPlan(column, entries, steps, outside);
    }

    private static Optional<Role> citusRole(CitusServer.CitusTable t) {
        return switch (t.kind()) {
            case DISTRIBUTED -> Optional.of(Role.DISTRIBUTED);
            case REFERENCE -> Optional.of(Role.REFERENCE);
            case OTHER -> Optional.empty();
        };
    }

    private static Map<String, Role> roles(Map<String, TableSurvey> tables, String column, Function<String, Optional<Role>> outside) {
        Map<String, Role> roles = new HashMap<>();
        for (TableSurvey t : tables.values()) {
            Optional<Role> citus = t.citus().flatMap(DistributionPlanner::citusRole);
            if (citus.isPresent()) roles.put(t.name(), citus.get());
            else if (t.hasColumn(column)) roles.put(t.name(), Role.DISTRIBUTED);
        }
        Function<String, Optional<Role>> roleOf = name -> tables.containsKey(name) ? Optional.ofNullable(roles.get(name)) : outside.apply(name);
        // without the column but pointing at a distributed table: colocated or nothing (it needs the column)
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TableSurvey t : tables.values()) {
                if (roles.containsKey(t.name())) continue;
                if (t.keys().foreignKeys().stream().anyMatch(fk -> roleOf.apply(fk.referencedTable()).orElse(null) == Role.DISTRIBUTED)) {
                    roles.put(t.name(), Role.DISTRIBUTED);
                    changed = true;
                }
            }
        }
        // what distributed and reference tables point at must be on every node
        changed = true;
        while (changed) {
            changed = false;
            for (TableSurvey t : tables.values()) {
                if (roles.containsKey(t.name())) continue;
                if (t.keys().referencedBy().stream().anyMatch(fk -> {
                    Role r = roleOf.apply(fk.table()).orElse(null);
                    return r == Role.DISTRIBUTED || r == Role.REFERENCE;
                })) {
                    roles.put(t.name(), Role.REFERENCE);
                    changed = true;
                }
            }
        }
        tables.keySet().forEach(name -> roles.putIfAbsent(name, Role.LOCAL));
        return roles;
    }

    private static List<TableSurvey> ofRole(Map<String, TableSurvey> tables, Map<String, Role> roles, Role role) {
        return tables.values().stream().filter(t -> roles.get(t.name()) == role).toList();
    }

    /** Citus already has the table as the plan wants it. */
    static boolean done(TableSurvey t, String column) {
        return t.citus().map(c -> c.kind() == CitusServer.Kind.REFERENCE
                || (c.kind() == CitusServer.Kind.DISTRIBUTED && column.equals(c.column()))).orElse(false);
    }

    private static List<TableSurvey> notDone(List<TableSurvey> tables, String column) {
        return tables.stream().filter(t -> !done(t, column)).toList();
    }

    /**
     * The tenant table: its primary key is exactly the column (stores), else the table most distributed
     * tables point at; a table Citus already distributes comes first among equals, then the name.
     */
    private static Optional<TableSurvey> anchorCandidate(List<TableSurvey> distributed, String column, Function<String, Optional<Role>> roleOf) {
        Comparator<TableSurvey> best = Comparator
                .comparing((TableSurvey t) -> t.keys().primaryKey().map(k -> k.columns().equals(List.of(column))).orElse(false))
                .thenComparing(t -> t.keys().referencedBy().stream()
                        .filter(fk -> !fk.table().equals(t.name()) && roleOf.apply(fk.table()).orElse(null) == Role.DISTRIBUTED)
                        .map(TableKeys.ForeignKey::table).distinct().count())
                .thenComparing(t -> done(t, column))
                .reversed()
                .thenComparing(TableSurvey::name);
        return distributed.stream().filter(t -> t.hasColumn(column)).min(best);
    }

    /**
     * The tables in an order where each comes after the tables of the same role it references (Kahn's
     * algorithm; the preferred table, then names, break ties). Tables caught in a cycle go last, by name, and
     * are noted in {@code cycles} with the others of their cycle.
     */
    private static List<TableSurvey> order(List<TableSurvey> tables, Function<String, Optional<Role>> roleOf, Role role,
                                           Optional<TableSurvey> preferred, Map<String, List<String>> cycles) {
        Map<String, TableSurvey> pending = new LinkedHashMap<>();
        tables.forEach(t -> pending.put(t.name(), t));
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (TableSurvey t : tables) {
            Set<String> deps = new LinkedHashSet<>();
            for (TableKeys.ForeignKey fk : t.keys().foreignKeys()) {
                String target = fk.referencedTable();
                if (!target.equals(t.name()) && pending.containsKey(target) && roleOf.apply(target).orElse(null) == role) deps.add(target);
            }
            dependsOn.put(t.name(), deps);
        }
        Comparator<TableSurvey> priority = Comparator.comparing((TableSurvey t) -> preferred.isPresent() && preferred.get() == t ? 0 : 1)
                .thenComparing(TableSurvey::name);
        List<TableSurvey> ordered = new ArrayList<>();
        TreeSet<TableSurvey> ready = new TreeSet<>(priority);
        tables.stream().filter(t -> dependsOn.get(t.name()).isEmpty()).forEach(ready::add);
        Set<String> placed = new LinkedHashSet<>();
        while (!ready.isEmpty()) {
            TableSurvey next = ready.pollFirst();
            ordered.add(next);
            placed.add(next.name());
            for (TableSurvey t : tables) {
                if (!placed.contains(t.name()) && !ready.contains(t) && placed.containsAll(dependsOn.get(t.name()))) ready.add(t);
            }
        }
        List<TableSurvey> stuck = tables.stream().filter(t -> !placed.contains(t.name())).sorted(Comparator.comparing(TableSurvey::name)).toList();
        for (TableSurvey t : stuck) {
            cycles.put(t.name(), stuck.stream().filter(o -> o != t).map(TableSurvey::name).toList());
            ordered.add(t);
        }
        return ordered;
    }

    private static Optional<String> distributionColumn(String table, Map<String, TableSurvey> byName, Map<String, Role> roles,
                                                       String column, Map<String, CitusServer.CitusTable> citus) {
        if (byName.containsKey(table)) {
            return roles.get(table) == Role.DISTRIBUTED ? byName.get(table).citus().map(CitusServer.CitusTable::column).or(() -> Optional.of(column))
                    : Optional.empty();
        }
        return Optional.ofNullable(citus.get(table)).map(CitusServer.CitusTable::column);
    }
}
