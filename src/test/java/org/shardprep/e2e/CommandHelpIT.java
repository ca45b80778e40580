package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.CommandCatalog;
import org.shardprep.TestServer;
import org.shardprep.command.CommandRegistry;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.shell.meta.MetaCommandCatalog;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.SessionConnection;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the command registry: every shardprep command and subcommand answers {@code CMD --help} and
 * {@code help CMD} through the built jar with its usage and every option's description; {@code \?} lists
 * exactly the backslash commands the dispatcher runs.
 */
class CommandHelpIT {

    private static final String DB = TestServer.freshDatabase("e2e_help");
    private static Session session;
    private static CommandRegistry registry;

    @BeforeAll
    static void registry() throws Exception {
        var settings = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(DB), Map.of(), Path.of("/nonexistent"));
        session = new Session(SessionConnection.open(settings), null, null,
                new PrintWriter(new ByteArrayOutputStream(), true), new PrintStream(new ByteArrayOutputStream()), false);
        registry = CommandCatalog.forSession(session).registry();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    @Test
    void everyCommandAnswersHelpWithEachOptionAndItsDescription() throws Exception {
        List<List<String>> paths = registry.paths();
        assertThat(paths).hasSizeGreaterThan(30);
        StringBuilder script = new StringBuilder();
        for (List<String> path : paths) {
            script.append(String.join(" ", path)).append(" --help\n");
            script.append("help ").append(String.join(" ", path)).append('\n');
        }
        Path file = TestFiles.file("help", ".sql");
        Files.writeString(file, script);
        JarRun.Result r = JarRun.shardprep(null, "-X", "-v", "ON_ERROR_STOP=1", "-f", file.toString(), DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        String flat = r.out().replaceAll("\\s+", " ");
        for (List<String> path : paths) {
            String name = String.join(" ", path);
            // both the --help and the help form printed this command's usage
            assertThat(count(flat, "Usage: " + name + " ")).as(name).isGreaterThanOrEqualTo(2);
            registry.optionDescriptions(path).forEach((option, description) -> {
                assertThat(description).as(name + " " + option + " has a description").isNotBlank();
                // picocli wraps long descriptions (even inside words, at a '.'): compared without white space
                assertThat(flat).as(name + " " + option).contains(option);
                assertThat(flat.replaceAll("\\s+", "")).as(name + " " + option).contains(description.replaceAll("\\s+", ""));
            });
        }
    }

    @Test
    void aBadOptionValueSaysWhatWasExpected() {
        JarRun.Result r = JarRun.shardprep(null, "-X", "-c", "load-all --scale abc", DB);
        assertThat(r.err()).isEqualTo("load-all: --scale: expected a number, got \"abc\"\n");
        assertThat(r.exitCode()).isEqualTo(1);
        JarRun.Result unknown = JarRun.shardprep(null, "-X", "-c", "swap-pk plan --no-such", DB);
        assertThat(unknown.err()).isEqualTo("swap-pk plan: unknown option --no-such (see \"swap-pk plan --help\")\n");
        JarRun.Result sub = JarRun.shardprep(null, "-X", "-c", "backfill", DB);
        assertThat(sub.err()).isEqualTo("backfill: missing subcommand, one of: install-function, start, stop\n");
    }

    /** A command named as an SQL command (prepare) is ours only with a subcommand of ours after it. */
    @Test
    void sqlPrepareStaysSql() {
        JarRun.Result r = JarRun.shardprep("prepare q as select 41 + 1 as answer;\nexecute q;\nprepare plan as select 2 as two;\n"
                + "execute plan;\nprepare plan --help\n", "-X", "-v", "ON_ERROR_STOP=1", DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("PREPARE\n answer \n--------\n     42\n", " two \n-----\n   2\n", "Usage: prepare plan");
    }

    @Test
    void backslashQuestionListsExactlyTheCommandsThatRun() {
        JarRun.Result r = JarRun.shardprep(null, "-X", "-c", "\\?", DB);
        assertThat(r.exitCode()).isZero();
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  (\\\\[^\\s\\[]+)").matcher(r.out());
        while (m.find()) listed.add(m.group(1));
        Set<String> working = new TreeSet<>();
        for (MetaCommandCatalog.Entry e : MetaCommandCatalog.PSQL.entries()) {
            if (e.works() && e.display() != null) working.add(e.display());
        }
        listed.remove("\\c");   // psql writes it \c[onnect]
        working.remove("\\c");
        assertThat(listed).isEqualTo(working);
        // and shardprep's own commands, in a section of their own
        for (CommandRegistry.Entry e : registry.entries()) assertThat(r.out()).contains("  " + e.name());

        // every listed command runs (harmless arguments; an error of its own is fine, "invalid command" is not)
        // an editor that changes nothing, for \e, \ef and \ev
        StringBuilder script = new StringBuilder("\\setenv PSQL_EDITOR true\nselect 1 as x\n");
        for (String name : listed) {
            if (name.equals("\\q") || name.equals("\\watch")) continue;
            script.append(name).append(switch (name) {
                case "\\i", "\\ir" -> " /nonexistent/file";
                case "\\!" -> " true";
                case "\\cd" -> " /tmp";
                case "\\copy" -> " nosuchtable from '/dev/null'";
                case "\\o" -> "";
                case "\\if" -> " true";
                case "\\elif", "\\else" -> "";
                default -> "";
            }).append('\n');
            if (name.equals("\\if")) script.append("\\endif\n");
        }
        JarRun.Result ran = JarRun.shardprep(script.toString(), "-X", DB);
        assertThat(ran.err()).doesNotContain("invalid command");

        // what psql has and shardprep does not is refused as psql refuses an unknown command
        List<String> missing = new ArrayList<>();
        for (MetaCommandCatalog.Entry e : MetaCommandCatalog.PSQL.entries()) {
            if (!e.works() && e.display() != null) missing.add(e.display());
        }
        if (!missing.isEmpty()) {
            JarRun.Result refused = JarRun.shardprep(String.join("\n", missing) + "\n", "-X", DB);
            assertThat(count(refused.err(), "invalid command")).isEqualTo(missing.size());
        }
    }

    /** A section whose every command runs here is psql 15's, line for line (the editor commands among them). */
    @Test
    void queryBufferSectionAsPsql() {
        String psql = JarRun.psql();
        org.junit.jupiter.api.Assumptions.assumeTrue(psql != null, "psql is not installed");
        JarRun.Result expected = JarRun.run(List.of(psql, "-X", "-c", "\\?", DB), null, Map.of());
        JarRun.Result actual = JarRun.shardprep(null, "-X", "-c", "\\?", DB);
        assertThat(section(actual.out(), "Query Buffer")).isEqualTo(section(expected.out(), "Query Buffer")).contains("  \\ef [FUNCNAME [LINE]]");
    }

    private static String section(String help, String title) {
        int start = help.indexOf("\n" + title + "\n");
        return start < 0 ? "" : help.substring(start + 1, help.indexOf("\n\n", start + 1));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }
}
