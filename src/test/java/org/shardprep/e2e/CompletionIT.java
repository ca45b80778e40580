package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** TAB and colour at the real prompt: the jar in a pseudo-terminal (util-linux `script`), keys typed into it. */
class CompletionIT {

    @Test
    void tabCompletesFromTheCatalogAndSqlIsColoured() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = TestServer.freshDatabase("e2e_completion");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(java.util.Map.of(), db)) {
            screen.await("e2e_completion=#");
            screen.type("create table completion_target (wanted_column int);\r");
            screen.await("CREATE TABLE");
            screen.type("select wanted_c\t from completion_tar\t;\r");   // the new table, after markStale
            screen.await("wanted_column \r\n");
            assertThat(screen.text()).contains("(0 rows)");
            assertThat(screen.text()).contains("\u001b[34;1mselect");        // a keyword, bold blue
            screen.type("\\q\r");
            screen.exitStatus();
            assertThat(screen.text()).doesNotContain("Exception");
        }
    }

    /** COMP_KEYWORD_CASE, \set mid-session: the case TAB gives a completed keyword. */
    @Test
    void keywordCaseFollowsCompKeywordCase() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = TestServer.freshDatabase("e2e_completion_case");
        Path home = org.shardprep.TestFiles.directory("home");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(java.util.Map.of("HOME", home.toString()), db)) {
            screen.await("e2e_completion_case=#");
            screen.type("\\set COMP_KEYWORD_CASE lower\r");
            screen.type("SEL\t1 as first_one;\r");
            screen.await("(1 row)");
            screen.type("\\set COMP_KEYWORD_CASE upper\r");
            screen.type("sel\t2 as second_one;\r");
            screen.await(" second_one \r\n");
            screen.type("\\q\r");
            screen.exitStatus();
        }
        // the lines as TAB left them, as they went into the history
        assertThat(Files.readString(home.resolve(".shardprep/history")))
                .contains(":select 1 as first_one;\n", ":SELECT 2 as second_one;\n");
    }
}
