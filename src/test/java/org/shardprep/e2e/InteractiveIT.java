package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The prompt as a user meets it: the jar runs in a real pseudo-terminal (util-linux `script`), keys are
 * typed into it, and the screen output is read back. Covers psql's prompts, Ctrl-C, history and Ctrl-D.
 */
class InteractiveIT {

    private static String db;

    @BeforeAll
    static void database() {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        db = TestServer.freshDatabase("e2e_interactive");
    }

    /**
     * \e at the prompt: the editor reads the terminal (JLine lets go of it: the keys reach the editor, not the line
     * reader), what it makes of the buffer runs when it ends in a semicolon, and otherwise comes back at the prompt.
     */
    @Test
    void editorHasTheTerminal() throws Exception {
        Path editor = TestFiles.file("tty-editor", ".sh");
        Files.writeString(editor, "#!/bin/sh\nfor file; do :; done\nprintf 'editor> '\nread line\nprintf '%s' \"$line\" >> \"$file\"\n");
        editor.toFile().setExecutable(true);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("PSQL_EDITOR", editor.toString()), db)) {
            screen.await("e2e_interactive=#");
            screen.type("select 41 + 1\r");
            screen.await("e2e_interactive-#");
            screen.type("\\e\r");
            screen.await("editor> ");
            screen.type(" as typed;\r");
            screen.await("(1 row)");
            assertThat(screen.text()).contains("typed", "42");
            // no semicolon: the buffer is back at the prompt, to go on with
            screen.type("select 'kept' as k\r");
            screen.type("\\e\r");
            screen.await("editor> ");
            screen.type(", 'more' as m\r");
            screen.await(", 'more' as m");
            screen.type(";\r");
            screen.await("(1 row)");
            assertThat(screen.text()).contains("kept | more");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
    }

    @Test
    void promptsCancelHistoryAndExit() throws Exception {
        Path home = TestFiles.directory("home");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), db)) {
            screen.await("e2e_interactive=#");
            screen.type("select 1 as a,\r");
            screen.await("e2e_interactive-#");
            screen.type("'x\r");
            screen.await("e2e_interactive'#");
            screen.type("y' as b;\r");
            screen.await("(1 row)");
            screen.type("select (1\r");
            screen.await("e2e_interactive(#");
            screen.type("+ 1) as two;\r");
            screen.await("two");
            screen.type("begin;\r");
            screen.await("e2e_interactive=*#");
            screen.type("select 1/0;\r");
            screen.await("e2e_interactive=!#");
            screen.type("rollback;\r");
            screen.await("ROLLBACK");
            screen.type("select pg_sleep(60);\r");
            Thread.sleep(1000);
            screen.type("\u0003");                          // Ctrl-C while the statement runs
            screen.await("canceling statement due to user request");
            assertThat(screen.text()).contains("Cancel request sent");
            screen.type("select '!!' as bang;\r");          // no history expansion
            screen.await("!!\r\n(1 row)");
            screen.type("\\echo password=secret\r");
            screen.await("password=secret\r\n");
            // the server drops the session (a restart looks the same): psql's reset, and the session goes on
            try (var c = TestServer.connect("e2e_interactive"); var st = c.createStatement()) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where datname = 'e2e_interactive' and application_name = 'shardprep' and pid <> pg_backend_pid()");
            }
            screen.type("select 5 as five;\r");
            screen.await("The connection to the server was lost. Attempting reset: Succeeded.");
            screen.type("select 6 as six;\r");
            screen.await("six");
            screen.type("select 'half typed");
            screen.type("\u0003");                          // Ctrl-C at the prompt clears the line
            screen.type("select 3 as three;\r");
            screen.await("three");
            screen.type("\u0004");                          // Ctrl-D leaves
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).contains("\\q").doesNotContain("Exception");
        }

        String history = Files.readString(home.resolve(".shardprep/history"));
        assertThat(history).contains("select '!!' as bang;").contains("select 1 as a,");
        assertThat(history).doesNotContain("password=secret").doesNotContain("half typed");
    }

    @Test
    void ctrlDOnAnEmptyContinuationLineLeavesAsPsqlDoes() throws Exception {
        // a statement continued in the editor, and one put back into it after the line ran 'select 2;'
        for (String typed : new String[] {"select 1,\r", "select 2; select 3,\r"}) {
            try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), db)) {
                screen.await("e2e_interactive=#");
                screen.type(typed);
                screen.await("e2e_interactive-#");
                screen.type("\u0004");                      // Ctrl-D on the empty continuation line
                screen.await("\\q");
                assertThat(screen.exitStatus()).isZero();
                // not JLine's completion list (delete-char-or-list), which offers SQL keywords
                assertThat(screen.text()).as(typed).doesNotContain("ABORT").doesNotContain("abort")
                        .doesNotContain("Exception");
            }
        }
    }

    @Test
    void ignoreEofTakesThatManyCtrlDToLeaveAsPsql() throws Exception {
        // psql 15 with -v IGNOREEOF=3: 'Use "\q" to leave psql.' at the first two Ctrl-D in a row, \q at the third
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "-v", "IGNOREEOF=3", db)) {
            screen.await("e2e_interactive=#");
            screen.type("\u0004");
            screen.await("Use \"\\q\" to leave shardprep.");
            screen.type("select 7 as seven;\r");                 // a line read starts the count again
            screen.await("(1 row)");
            for (int i = 0; i < 3; i++) {
                Thread.sleep(300);                                   // each Ctrl-D at a prompt of its own
                screen.type("\u0004");
            }
            screen.await("\\q\r\n");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text().split("to leave shardprep", -1)).hasSize(4);   // three times in all
        }
    }

    @Test
    void quietStartsAtThePromptWithoutBannerAndLeavesWithAnEmptyLine() throws Exception {
        // psql 15 -q: no banner, no "Type "help"" line; Ctrl-D prints an empty line where it would print \q
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "-q", db)) {
            screen.await("e2e_interactive=#");
            screen.type("\u0004");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).doesNotContain("shardprep " + org.shardprep.command.ShardprepHome.VERSION)
                    .doesNotContain("Type \"help\"").doesNotContain("\\q");
        }
    }

    /**
     * PROMPT1, PROMPT2 and PROMPT3 with psql 15's escapes; what psql 15 showed for the same prompts, typed
     * the same, on a PostgreSQL 15 (its host, port and user replaced by the test server's). %? shows nothing
     * in psql 15, %w is the width of the PROMPT1 before (not counting what %[ %] mark), %R is empty in PROMPT3.
     */
    @Test
    void promptVariablesMakeThePromptWithPsqlsEscapes() throws Exception {
        Map<String, String> k = TestServer.keywords();
        String host = k.getOrDefault("host", "localhost");
        String user = k.get("user");
        String first = "[" + host + "|" + host.split("\\.")[0] + "|" + k.get("port") + "|" + user + "|"
                + ("e2e_interactive".equals(user) ? "~" : "e2e_interactive") + "|e2e_interactive|=||#|1|V|hi|A%|";
        String styled = "\u001b[1mB\u001b[0m||";
        int width = first.length() + "B||]".length();
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "-v", "myvar=V",
                "-v", "PROMPT1=[%M|%m|%>|%n|%~|%/|%R|%x|%#|%l|%:myvar:|%`echo hi; echo there`|%101%%|%[%033[1m%]B%[%033[0m%]|%?|%w]",
                "-v", "PROMPT2=<%w|%R|%l|%/>", "-v", "PROMPT3=(%/%R%x%#)", db)) {
            screen.await(first + styled + "]");
            screen.type("select 1 as a,\r");
            screen.await("<" + " ".repeat(width) + "|-|2|e2e_interactive>");
            screen.type("2 as b;\r");
            screen.await("(1 row)");
            screen.type("begin;\r");
            // %w: the PROMPT1 before this one was twice as wide as the first (it held the first's width in blanks)
            screen.await(first.replace("|=||#|", "|=|*|#|") + styled + " ".repeat(2 * width) + "]");
            screen.type("create temp table t (a int);\r");
            screen.type("copy t from stdin;\r");
            screen.await("(e2e_interactive*#)");
            screen.type("1\r\\.\r");
            screen.await("COPY 1");
            screen.type("\\echo :PROMPT3\r");
            screen.await("(%/%R%x%#)\r\n");
        }
    }

    /**
     * \password as psql 15's: asked twice without echo, encrypted on the client (SCRAM, the server's
     * password_encryption), set with ALTER USER, which ECHO_HIDDEN shows; a mismatch changes nothing.
     */
    @Test
    void passwordIsAskedTwiceUnseenAndSetEncrypted() throws Exception {
        try (var c = TestServer.connect("e2e_interactive"); var st = c.createStatement()) {
            st.execute("drop role if exists \"Pw Alice\"");
            st.execute("create role \"Pw Alice\" login");
        }
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), db)) {
            screen.await("e2e_interactive=#");
            screen.type("\\set ECHO_HIDDEN on\r");
            screen.type("\\password \"Pw Alice\"\r");
            screen.await("Enter new password for user \"Pw Alice\": ");
            screen.type("not-shown-1\r");
            screen.await("Enter it again: ");
            screen.type("not-shown-1\r");
            screen.await("ALTER USER \"Pw Alice\" PASSWORD 'SCRAM-SHA-256$4096:");
            screen.await("**************************");
            screen.type("\\set ECHO_HIDDEN off\r");
            screen.type("\\password \"Pw Alice\"\r");
            screen.await("Enter it again: ");
            screen.type("one\r");
            screen.type("two\r");
            screen.await("Passwords didn't match.");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).doesNotContain("not-shown-1");
        }
        try (var c = TestServer.connect("e2e_interactive"); var st = c.createStatement();
             var rs = st.executeQuery("select rolpassword from pg_authid where rolname = 'Pw Alice'")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$4096:");
            st.execute("drop role \"Pw Alice\"");
        }
    }

    /** \s lists what was typed, a statement over several lines as one entry, through the pager; \s FILE saves it. */
    @Test
    void backslashSShowsAndSavesTheHistory() throws Exception {
        Path file = TestFiles.directory("history").resolve("hist.txt");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("PAGER", "sed 's/^/paged: /'"), db)) {
            screen.await("e2e_interactive=#");
            screen.type("select 1 as a,\r");
            screen.type("2 as b;\r");
            screen.await("(1 row)");
            screen.type("\\s\r");
            screen.await("paged: select 1 as a,\r\npaged: 2 as b;\r\npaged: \\s\r\n");
            screen.type("\\s " + file + "\r");
            screen.await("Wrote history to file \"" + file + "\".");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
        assertThat(Files.readString(file)).isEqualTo("select 1 as a,\n2 as b;\n\\s\n\\s " + file + "\n");
    }

    /**
     * psql's HISTCONTROL on whole entries (a statement over several lines is one), changed by \set as the session
     * goes; HISTSIZE the number of entries the history file keeps, applied when the shell leaves; the file's
     * entries all reachable in the session (psql does not cap the history in memory).
     */
    /** HISTFILE (here from the startup file, as psql's manual suggests) and else $PSQL_HISTORY name the history file. */
    @Test
    void histFileAndPsqlHistoryNameTheHistoryFile() throws Exception {
        Path home = TestFiles.directory("home");
        Files.writeString(home.resolve(".psqlrc"), "\\set HISTFILE ~/hist-:DBNAME\n");
        runAtThePrompt(Map.of("HOME", home.toString()), "select 'from histfile' as h;");
        assertThat(Files.readString(home.resolve("hist-e2e_interactive"))).contains("select 'from histfile' as h;");
        assertThat(home.resolve(".shardprep/history")).doesNotExist();

        Path other = TestFiles.directory("home-env");
        runAtThePrompt(Map.of("HOME", other.toString(), "PSQL_HISTORY", "~/named"), "select 'from env' as e;");
        assertThat(Files.readString(other.resolve("named"))).contains("select 'from env' as e;");
    }

    /** One statement typed at the prompt of a shell started with {@code env}, then Ctrl-D. */
    private void runAtThePrompt(Map<String, String> env, String statement) throws Exception {
        try (PseudoTerminal screen = PseudoTerminal.shardprep(env, db)) {
            screen.await("e2e_interactive=#");
            screen.type(statement + "\r");
            screen.await("(1 row)");
            screen.type("\u0004");
            assertThat(screen.exitStatus()).isZero();
        }
    }

    @Test
    void histControlAndHistSizeAsPsql() throws Exception {
        Path home = TestFiles.directory("home");
        Path historyFile = home.resolve(".shardprep/history");
        Files.createDirectories(historyFile.getParent());
        StringBuilder old = new StringBuilder();
        for (int i = 1; i <= 600; i++) old.append("1700000000000:select 'old ").append(i).append("';\n");
        Files.writeString(historyFile, old);
        Path shown = TestFiles.directory("history").resolve("shown.txt");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), db)) {
            screen.await("e2e_interactive=#");
            screen.type("select 0 as zero;\r");                  // HISTCONTROL none: both kept
            screen.await("(1 row)");
            screen.type("select 0 as zero;\r");
            screen.await("(1 row)\r\n\r\n");
            screen.type("\\set HISTCONTROL ignoreboth\r");
            screen.type("select 1 as one;\r");
            screen.type("select 1 as one;\r");                   // a duplicate
            screen.type(" select 2 as spaced;\r");               // starts with a space
            screen.type("select 1 as one;\r");                   // still a duplicate: the spaced one never entered
            for (int i = 0; i < 2; i++) {
                screen.type("select 3 as three,\r");             // over two lines: one entry, then a duplicate
                screen.type("4 as four;\r");
            }
            screen.type("\\echo :HISTCONTROL\r");
            screen.await("ignoreboth\r\n");
            screen.type("\\s " + shown + "\r");
            screen.await("Wrote history to file");
            screen.type("\\set HISTSIZE 8\r");
            screen.type("\u0004");
            assertThat(screen.exitStatus()).isZero();
        }
        // every old entry was there to see, and what this session added once
        String listed = Files.readString(shown);
        assertThat(listed).contains("select 'old 1';\n", "select 'old 600';\n");
        assertThat(listed.substring(listed.indexOf("select 0"))).isEqualTo("""
                select 0 as zero;
                select 0 as zero;
                \\set HISTCONTROL ignoreboth
                select 1 as one;
                select 3 as three,
                4 as four;
                \\echo :HISTCONTROL
                \\s %s
                """.formatted(shown));
        // the file, cut to HISTSIZE when the shell left (JLine writes a backslash as two, a newline as \n)
        List<String> kept = Files.readAllLines(historyFile).stream().map(l -> l.substring(l.indexOf(':') + 1)).toList();
        assertThat(kept).containsExactly("select 0 as zero;", "select 0 as zero;", "\\\\set HISTCONTROL ignoreboth",
                "select 1 as one;", "select 3 as three,\\n4 as four;", "\\\\echo :HISTCONTROL", "\\\\s " + shown,
                "\\\\set HISTSIZE 8");
    }

    @Test
    void promptVariablesHavePsqlsDefaults() {
        JarRun.Result r = JarRun.shardprep(null, "-X", "-c", "\\echo :PROMPT1 :PROMPT2 :PROMPT3", "-c", "\\unset PROMPT1",
                "-c", "\\echo [:PROMPT1]", db);
        assertThat(r.out()).isEqualTo("%/%R%x%#  %/%R%x%#  >> \n[:PROMPT1]\n");
        assertThat(r.exitCode()).isZero();
    }

    /**
     * -s at the prompt, as psql 15 showed it in a terminal: the query between psql's two lines, then a line typed
     * at the terminal; Enter sends the query, "x" and Enter cancels it. With SINGLELINE on (\set mid-session) Enter
     * ends a statement with nothing open (the prompt shows ^), a quote left open goes on to the next line.
     */
    @Test
    void singleStepAsksAtTheTerminalAndSingleLineEndsStatementsAtEnter() throws Exception {
        String header = "***(Single step mode: verify command)*******************************************\r\n";
        String footer = "***(press return to proceed or enter x and return to cancel)********************\r\n";
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "-s", db)) {
            screen.await("e2e_interactive=#");
            screen.type("select 1 as one;\r");
            screen.await(header + "select 1 as one;\r\n" + footer);
            screen.type("\r");
            screen.await(" one \r\n-----\r\n   1\r\n(1 row)");
            screen.type("select 2 as two;\r");
            screen.await(header + "select 2 as two;\r\n" + footer);
            screen.type("x\r");
            screen.type("\\set SINGLELINE on\r");
            screen.await("e2e_interactive^#");
            screen.type("select 3 as three\r");
            screen.await(header + "select 3 as three\r\n" + footer);
            screen.type("\r");
            screen.await(" three \r\n-------\r\n     3\r\n(1 row)");
            screen.type("select 'a\r");
            screen.type("b' as s\r");
            screen.await(header + "select 'a\r\nb' as s\r\n" + footer);
            screen.type("\r");
            screen.await(" a+\r\n b\r\n(1 row)");
            screen.type("\u0004");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).doesNotContain(" two \r\n").doesNotContain("Exception");
        }
    }

    @Test
    void inactiveIfBranchShowsAtInThePromptAndWarns() throws Exception {
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), db)) {
            screen.await("e2e_interactive=#");
            screen.type("\\if false\r");
            screen.await("e2e_interactive@#");
            screen.type("select 'not sent' as x;\r");
            screen.await("query ignored; use \\endif or Ctrl-C to exit current \\if block");
            screen.type("\\echo hidden\r");
            screen.await("\\echo command ignored; use \\endif or Ctrl-C to exit current \\if block");
            screen.type("\u0003");                          // Ctrl-C leaves the innermost block, as psql
            screen.await("\\if: escaped");
            screen.type("\\echo shown\r");
            screen.await("shown\r\n");
            screen.type("\\if yes\r");
            screen.type("\\echo in the true branch\r");
            screen.await("in the true branch\r\n");
            screen.type("\u0004");                          // Ctrl-D with the block still open
            screen.await("reached EOF without finding closing \\endif(s)");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).doesNotContain("not sent\r\n").doesNotContain("hidden\r\n");
        }
    }

    @Test
    void leavingThePagerStopsTheQueryAndTimingLeavesOutTheReading() throws Exception {
        // a pager that is read for 2 s, then quit after three lines, as a user who pressed q
        try (PseudoTerminal screen = PseudoTerminal.shardprep(20, Map.of("PAGER", "sleep 2; head -n 3"), db)) {
            screen.await("e2e_interactive=#");
            screen.type("\\timing on\r");
            screen.await("Timing is on.");
            long start = System.nanoTime();
            screen.type("select generate_series(1, 20000000) as g;\r");
            screen.await("Time: ");
            double seconds = (System.nanoTime() - start) / 1e9;
            screen.await("e2e_interactive=#");
            // the rest is not fetched: back at the prompt soon after the pager, not after 20 M rows
            assertThat(seconds).as(screen.text()).isLessThan(8);
            // psql times the query up to its result: the 2 s in the pager are not in it
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Time: (\\d+\\.\\d{3}) ms").matcher(screen.text());
            assertThat(m.find()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).as(screen.text()).isLessThan(1500);
            // nothing of it is left on the server
            try (var c = TestServer.connect("e2e_interactive"); var st = c.createStatement();
                 var rs = st.executeQuery("select count(*) from pg_stat_activity where query like '%generate_series(1, 20000000)%'"
                         + " and state <> 'idle' and pid <> pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            screen.type("\u0004");
            screen.exitStatus();
        }
    }

    @Test
    void longResultsGoThroughThePagerShortOnesDoNot() throws Exception {
        try (PseudoTerminal screen = PseudoTerminal.shardprep(20, Map.of("PAGER", "sed 's/^/PAGED:/'"), db)) {
            screen.await("e2e_interactive=#");
            screen.type("select g as tall from generate_series(1, 40) g;\r");
            screen.await("PAGED:(40 rows)");
            screen.type("select 7 as short;\r");
            screen.await("(1 row)");
            screen.type("\\pset pager off\r");
            screen.await("Pager usage is off.");
            screen.type("select g as unpaged from generate_series(1, 40) g;\r");
            screen.await("(40 rows)\r\n");
            screen.type("\u0004");
            screen.exitStatus();
            assertThat(screen.text()).contains("PAGED: tall").doesNotContain("PAGED: short").doesNotContain("PAGED: unpaged");
        }
    }
}
