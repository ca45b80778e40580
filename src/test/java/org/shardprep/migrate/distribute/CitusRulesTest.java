package org.shardprep.migrate.distribute;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.command.CommandError;
import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.Planner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule of Citus's that check-distribution applies, on a small schema of its own on a real server: the
 * problem is named with Citus's own error text (from Citus 13's source), and goes once the schema follows the
 * rule. The tenant is a table {@code t(id)}; its tenants' rows live in tables with {@code t_id}.
 */
class CitusRulesTest {

    private static final String TENANT = "CREATE TABLE t (id int PRIMARY KEY); ";

    /** The problems check-distribution reports for the schema, as "table: problem". */
    private static List<String> problems(String db, String ddl) throws SQLException {
        return check(db, ddl).entries().stream().flatMap(e -> e.problems().stream().map(p -> e.name() + ": " + p)).toList();
    }

    private static DistributionPlan check(String db, String ddl) throws SQLException {
        TestServer.freshDatabase(db);
        try (Connection c = TestServer.connect(db)) {
            try (Statement st = c.createStatement()) {
                st.execute(ddl);
            }
            return ReadinessCheck.run(c, new Planner.Options("t", "t_id", List.of(), List.of())).plan();
        }
    }

    @Test
    void primaryKeysUniqueConstraintsAndUniqueIndexesIncludeTheColumn() throws SQLException {
        String citus = "(Citus: \"Distributed relations cannot have UNIQUE, EXCLUDE, or PRIMARY KEY constraints that do not include the "
                + "partition column (with an equality operator if EXCLUDE).\")";
        assertThat(problems("rules_keys", TENANT + """
                CREATE TABLE a (id int PRIMARY KEY, t_id int NOT NULL REFERENCES t, email text UNIQUE, code text);
                CREATE UNIQUE INDEX a_code ON a (code);""")).containsExactlyInAnyOrder(
                "a: primary key a_pkey (id) does not include t_id " + citus + ": prepare run widens it to (t_id, id)",
                "a: unique index a_code (code) does not include t_id " + citus + ": prepare run widens it to (t_id, code)",
                "a: unique constraint a_email_key (email) does not include t_id " + citus + ": prepare run widens it to (t_id, email)");
        assertThat(problems("rules_keys_ok", TENANT + """
                CREATE TABLE a (id int, t_id int NOT NULL REFERENCES t, email text, PRIMARY KEY (t_id, id), UNIQUE (t_id, email));""")).isEmpty();
    }

    @Test
    void foreignKeysBetweenDistributedTablesHoldBothDistributionColumnsAtOnePosition() throws SQLException {
        String ddl = TENANT + "CREATE TABLE a (id int, t_id int NOT NULL REFERENCES t, PRIMARY KEY (t_id, id), UNIQUE (id, t_id)); ";
        assertThat(problems("rules_fk", ddl + "CREATE TABLE b (id int, t_id int NOT NULL, a_id int, PRIMARY KEY (t_id, id), "
                + "FOREIGN KEY (t_id, a_id) REFERENCES a (id, t_id));")).containsExactly(
                "b: foreign key b_t_id_a_id_fkey holds the distribution columns at different positions (t_id, a_id) → (id, t_id), which Citus "
                        + "refuses (\"Foreign keys are supported in two cases, either in between two colocated tables including partition column "
                        + "in the same ordinal in the both tables or from distributed to reference tables\"): re-declare it by hand");
        assertThat(problems("rules_fk_ok", ddl + "CREATE TABLE b (id int, t_id int NOT NULL, a_id int, PRIMARY KEY (t_id, id), "
                + "FOREIGN KEY (t_id, a_id) REFERENCES a (t_id, id));")).isEmpty();
    }

    @Test
    void noForeignKeyFromAReferenceTableToADistributedOne() throws SQLException {
        // kinds, made a reference table, points at the tenant table: that key must go
        TestServer.freshDatabase("rules_ref");
        List<String> problems;
        try (Connection c = TestServer.connect("rules_ref"); Statement st = c.createStatement()) {
            st.execute(TENANT + """
                    CREATE TABLE kinds (id int PRIMARY KEY, owner int REFERENCES t);
                    CREATE TABLE a (id int, t_id int NOT NULL REFERENCES t, kind int REFERENCES kinds, PRIMARY KEY (t_id, id));""");
            problems = ReadinessCheck.run(c, new Planner.Options("t", "t_id", List.of("kinds"), List.of())).plan().entries().stream()
                    .flatMap(e -> e.problems().stream().map(p -> e.name() + ": " + p)).toList();
        }
        assertThat(problems).containsExactly(
                "kinds: foreign key kinds_owner_fkey (owner) → t (id) goes from a reference table to a distributed one (Citus: \"cannot create "
                        + "foreign key constraint since foreign keys from reference tables and local tables to distributed tables are not "
                        + "supported\"): prepare run drops it");
    }

    @Test
    void noForeignKeyBetweenALocalTableAndADistributedOne() throws SQLException {
        TestServer.freshDatabase("rules_local");
        try (Connection c = TestServer.connect("rules_local"); Statement st = c.createStatement()) {
            st.execute(TENANT + "CREATE TABLE audit (id int PRIMARY KEY, t_id int REFERENCES t);");
            DistributionPlan plan = ReadinessCheck.run(c, new Planner.Options("t", "t_id", List.of(), List.of("audit"))).plan();
            assertThat(plan.entry("audit").orElseThrow().problems()).containsExactly("foreign key audit_t_id_fkey joins a local table to a "
                    + "distributed one (t), which Citus refuses (\"cannot create foreign key constraint since foreign keys from reference tables "
                    + "and local tables to distributed tables are not supported\"): make the local one a reference table (--reference)");
        }
    }

    @Test
    void noCascadeSetNullOrSetDefaultOnAKeyThatHoldsTheColumn() throws SQLException {
        String citus = "(Citus: \"SET NULL, SET DEFAULT or CASCADE is not supported in ON UPDATE operation when distribution key included in "
                + "the foreign constraint.\" / \"SET NULL or SET DEFAULT is not supported in ON DELETE operation when distribution key is "
                + "included in the foreign key constraint\")";
        assertThat(problems("rules_actions", TENANT + """
                CREATE TABLE a (id int, t_id int NOT NULL REFERENCES t ON UPDATE CASCADE ON DELETE CASCADE, PRIMARY KEY (t_id, id));
                CREATE TABLE b (id int, t_id int NOT NULL, a_id int, PRIMARY KEY (t_id, id),
                                FOREIGN KEY (t_id, a_id) REFERENCES a (t_id, id) ON DELETE SET NULL (a_id));""")).containsExactly(
                "a: foreign key a_t_id_fkey (t_id) → t (id) ON UPDATE CASCADE ON DELETE CASCADE has an action Citus refuses on a key that "
                        + "includes the distribution column " + citus + ": prepare run re-creates it ON DELETE CASCADE",
                "b: foreign key b_t_id_a_id_fkey (t_id, a_id) → a (t_id, id) ON DELETE SET NULL has an action Citus refuses on a key that "
                        + "includes the distribution column " + citus + ": prepare run re-creates it with NO ACTION");
    }

    @Test
    void triggersAreSafeOnlyWhenTheyWriteTheirOwnRow() throws SQLException {
        DistributionPlan plan = check("rules_triggers", TENANT + """
                CREATE TABLE a (id int, t_id int NOT NULL REFERENCES t, at timestamptz, PRIMARY KEY (t_id, id));
                CREATE TABLE log (n bigint);
                CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;
                CREATE FUNCTION count_it() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (1); RETURN NEW; END $$;
                CREATE TRIGGER a_stamp BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION stamp();
                CREATE TRIGGER a_count AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION count_it();""");
        assertThat(plan.entry("a").orElseThrow().problems()).singleElement().asString()
                .startsWith("trigger a_count is not safe on a distributed table (")
                .endsWith("; Citus refuses triggers there (\"triggers are not supported on distributed tables\") unless "
                        + "citus.enable_unsafe_triggers is on, which would let this one misbehave");
        assertThat(plan.entry("a").orElseThrow().notes()).anySatisfy(n -> assertThat(n).startsWith("trigger a_stamp (stamp): safe"));
        assertThat(plan.settings()).containsExactly("SET citus.enable_unsafe_triggers = on;   -- for the triggers found safe");
    }

    @Test
    void colocatedTablesNeedOneTypeForTheColumn() {
        assertThatThrownBy(() -> check("rules_types", TENANT + "CREATE TABLE a (id int PRIMARY KEY, t_id bigint REFERENCES t);"))
                .isInstanceOf(CommandError.class)
                .hasMessage("a.t_id is bigint but t.id is integer: colocated tables need one type");
    }

    @Test
    void rowsWithoutATenantAndANullableColumnWithoutAPrimaryKeyToWiden() throws SQLException {
        assertThat(problems("rules_nulls", TENANT + """
                INSERT INTO t VALUES (1);
                CREATE TABLE a (t_id int REFERENCES t, note text);
                INSERT INTO a VALUES (1, 'x'), (NULL, 'y');""")).containsExactly(
                "a: t_id allows NULL, and Citus refuses rows without it (\"cannot perform an INSERT with NULL in the partition column\"): "
                        + "prepare run sets it NOT NULL",
                "a: 1 row can get no tenant (NULL t_id; e.g. (0,2)): fix or delete it");
    }

    @Test
    void referencedTablesAreDistributedBeforeTheTablesThatReferenceThem() throws SQLException {
        DistributionPlan plan = check("rules_order", TENANT + """
                CREATE TABLE kinds (id int PRIMARY KEY);
                CREATE TABLE c (id int, t_id int NOT NULL REFERENCES t, b_id int, PRIMARY KEY (t_id, id));
                CREATE TABLE b (id int, t_id int NOT NULL REFERENCES t, kind int REFERENCES kinds, PRIMARY KEY (t_id, id));
                ALTER TABLE c ADD FOREIGN KEY (t_id, b_id) REFERENCES b (t_id, id);""");
        assertThat(plan.ready()).isTrue();
        assertThat(plan.steps()).extracting(CitusStep::sql).containsExactly(
                "SELECT create_reference_table('kinds');",
                "SELECT create_distributed_table('t', 'id');",
                "SELECT create_distributed_table('b', 't_id', colocate_with => 't');",
                "SELECT create_distributed_table('c', 't_id', colocate_with => 't');");
        assertThat(problems("rules_cycle", TENANT + """
                CREATE TABLE b (id int, t_id int NOT NULL REFERENCES t, c_id int, PRIMARY KEY (t_id, id));
                CREATE TABLE c (id int, t_id int NOT NULL REFERENCES t, b_id int, PRIMARY KEY (t_id, id));
                ALTER TABLE b ADD FOREIGN KEY (t_id, c_id) REFERENCES c (t_id, id);
                ALTER TABLE c ADD FOREIGN KEY (t_id, b_id) REFERENCES b (t_id, id);""")).containsExactly(
                "b: the foreign keys of b, c form a cycle: Citus needs each referenced table distributed before the tables that reference "
                        + "it (drop one key, distribute, add it back)");
    }
}
