package org.shardprep.prepare;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;
import org.shardprep.command.CommandRegistry;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** prepare plan through the command registry, as the shell will run it: its options, its report, bad input as one line. */
class PrepareCommandTest {

    @Test
    void planPrintsTheReportAndRefusesBadInputInOneLine() throws SQLException {
        RealWorldSchemas.adAnalytics("prepare_command");
        try (Connection c = TestServer.connect("prepare_command"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO companies VALUES (1, 'c', NULL, now(), now()); INSERT INTO campaigns VALUES (1, 1, 'camp', 'cpc', 'on', 1, NULL, now(), now())");
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            CommandRegistry registry = new CommandRegistry(List.of(PrepareCommand.class), new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type == PrepareCommand.class ? type.cast(new PrepareCommand(() -> c, out)) : CommandLine.defaultFactory().create(type);
                }
            });

            CommandRegistry.Outcome ok = registry.run(List.of("prepare", "plan", "--tenant", "companies", "--column", "company_id",
                    "--reference", "geo_ips"));
            assertThat(ok.ok()).as(ok.failure()).isTrue();
            assertThat(text.toString().lines()).contains(
                    "Plan: distribute on company_id, tenant table companies (on its key id): 5 distributed tables, 1 reference table, 0 local tables. Nothing has been changed.",
                    "  geo_ips: reference (--reference)",
                    "      company_id from clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id",
                    "  SELECT create_reference_table('geo_ips');",
                    "Ready to prepare.");

            assertThat(registry.run(List.of("prepare", "plan", "--tenant", "nope")).failure())
                    .isEqualTo("--tenant: no table \"nope\" on the search path");
            assertThat(registry.run(List.of("prepare", "plan", "--column", "tenant_id")).failure())
                    .isEqualTo("no table on the search path has a column \"tenant_id\"");
        }
    }
}
