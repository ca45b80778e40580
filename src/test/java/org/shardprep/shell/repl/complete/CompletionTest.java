package org.shardprep.shell.repl.complete;

import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.shell.InputProcessor;
import org.shardprep.shell.session.Session;
import org.shardprep.command.ShellCommands;
import org.shardprep.shell.meta.MetaCommandCatalog;
import org.shardprep.shell.repl.SqlLineParser;
import org.shardprep.sql.SessionConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Completion through JLine's own API, against a real server: what TAB offers where. */
class CompletionTest {

    private static final String DB = "complete_test";

    private static Session session;
    private static CatalogNames catalog;
    private static Terminal terminal;
    private static LineReader reader;
    private static Parser parser;
    private static ShellCompleter completer;
    @TempDir
    static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        String conninfo = TestServer.freshDatabase(DB);
        try (Connection c = TestServer.connect(DB); Statement s = c.createStatement()) {
            s.execute("""
                    create table stores (store_id bigint primary key, name text, city text);
                    create table line_items (line_item_id bigint, store_id bigint, order_id bigint, quantity int);
                    create table orders (order_id bigint, store_id bigint, ordered_at timestamptz);
                    create view store_names as select store_id, name from stores;
                    create sequence order_seq;
                    create schema sales;
                    create table sales.targets (target_id int, amount numeric);
                    create table "Odd Name" ("Mixed Col" int, plain int);
                    create function store_count() returns bigint language sql as 'select count(*) from stores';
                    """);
        }
        var settings = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        session = new Session(SessionConnection.open(settings), null, null,
                new PrintWriter(new ByteArrayOutputStream(), true), new PrintStream(new ByteArrayOutputStream()), true);
        catalog = new CatalogNames(session::connection);
        session.setCatalogChangeListener(catalog::markStale);
        terminal = TerminalBuilder.builder().dumb(true)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build();
        // the shell's own registry: what TAB offers is what the commands take
        completer = new ShellCompleter(catalog, org.shardprep.CommandCatalog.forSession(session).registry(),
                () -> session.variables().all().keySet(),
                () -> KeywordCase.of(session.variables().compKeywordCase()), () -> dir);
        parser = new SqlLineParser(ShellCommands.NONE, () -> true, () -> false);
        reader = LineReaderBuilder.builder().terminal(terminal).parser(parser).completer(completer).build();
        Files.createDirectories(dir.resolve("src/test"));
        Files.createDirectories(dir.resolve("src/main"));
        Files.writeString(dir.resolve("src/te.sql"), "select 1;");
        Files.writeString(dir.resolve("data.csv"), "1\n");
    }

    @AfterAll
    static void tearDown() throws Exception {
        session.close();
        terminal.close();
    }

    /** The candidates' values for TAB at the end of {@code line}. */
    private static List<String> complete(String line) {
        return complete(line, line.length());
    }

    private static List<String> complete(String line, int cursor) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, parser.parse(line, cursor, Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    /** Without the functions offered beside the columns. */
    private static List<String> columns(List<String> candidates) {
        return candidates.stream().filter(c -> !c.endsWith("(")).toList();
    }

    @Test
    void tableAfterFrom() {
        assertThat(complete("select * from line")).containsExactly("line_items");
        assertThat(complete("select * from ")).contains("stores", "line_items", "orders", "store_names", "\"Odd Name\"", "sales.")
                .contains("order_seq")   // sequences are selectable, as psql offers them
                .doesNotContain("pg_class", "stores_pkey");
    }

    @Test
    void tableAfterJoinIntoUpdateTable() {
        assertThat(complete("select * from stores s join ord")).contains("orders");
        assertThat(complete("insert into sto")).contains("stores", "store_names");
        assertThat(complete("update line")).containsExactly("line_items");
        assertThat(complete("select * from stores, line")).containsExactly("line_items");
        assertThat(complete("SELECT * FROM LINE")).containsExactly("line_items");
    }

    @Test
    void relationsOfASchema() {
        assertThat(complete("select * from sales.")).containsExactly("sales.targets");
        assertThat(complete("select * from sales.ta")).containsExactly("sales.targets");
    }

    @Test
    void systemRelationsOnlyWhenAsked() {
        assertThat(complete("select * from pg_cla")).contains("pg_class");
    }

    @Test
    void quotedNamesAreOfferedQuoted() {
        // after an opening quote JLine's parser takes off (and puts back), the name goes without its quotes
        assertThat(complete("select * from \"Od")).containsExactly("Odd Name");
        assertThat(complete("select * from od")).containsExactly("\"Odd Name\"");
        assertThat(complete("select  from \"Odd Name\"", 7)).contains("\"Mixed Col\"", "plain");
    }

    @Test
    void describeCompletesRelations() {
        assertThat(complete("\\d sto")).containsExactlyInAnyOrder("stores", "store_names", "stores_pkey");
        assertThat(complete("\\dt sto")).containsExactly("stores");
        assertThat(complete("\\dv sto")).containsExactly("store_names");
        assertThat(complete("\\ds ord")).containsExactly("order_seq");
        assertThat(complete("\\d+ line")).containsExactly("line_items");
        assertThat(complete("\\dn sa")).containsExactly("sales");
        assertThat(complete("\\df store_")).containsExactly("store_count");
    }

    @Test
    void columnsOfTheStatementsTables() {
        assertThat(columns(complete("select store_id, na from stores", "select store_id, na".length()))).containsExactly("name");
        assertThat(complete("select store_id, na")).contains("name");    // no table yet: all columns
        assertThat(columns(complete("select * from stores where ci"))).containsExactly("city");
        assertThat(columns(complete("select * from line_items where qu"))).containsExactly("quantity");
        assertThat(complete("update stores set ci")).containsExactly("city");
        assertThat(columns(complete("select * from orders order by ord"))).containsExactly("order_id", "ordered_at");
        assertThat(complete("select * from stores where ")).contains("store_id", "name", "city").doesNotContain("quantity");
    }

    @Test
    void columnsAfterTableOrAliasDot() {
        assertThat(complete("select stores.ci")).containsExactly("stores.city");
        assertThat(complete("select s.na from stores s", "select s.na".length())).containsExactly("s.name");
        assertThat(complete("select * from stores s join orders o on o.st")).containsExactly("o.store_id");
        assertThat(columns(complete("select a,na from stores", "select a,na".length()))).containsExactly("a,name");
    }

    @Test
    void functionsAfterSelect() {
        assertThat(complete("select store_c")).contains("store_count(");
        assertThat(complete("select lowe")).contains("lower(");
        assertThat(complete("select * from stores where upp")).contains("upper(");
        assertThat(complete("select int4i")).doesNotContain("int4in(");   // type input functions are no one's business
    }

    @Test
    void keywords() {
        assertThat(complete("sel")).containsExactly("select");
        assertThat(complete("SEL")).containsExactly("SELECT");
        assertThat(complete("")).contains("SELECT", "INSERT INTO", "load-all");
        assertThat(complete("select * from stores wh")).contains("where");
        assertThat(complete("select * from stores order b")).containsExactly("by");
    }

    /** psql's COMP_KEYWORD_CASE, read at each TAB: the keyword's case after what is typed. */
    @Test
    void keywordCaseFollowsCompKeywordCase() {
        try {
            assertThat(session.variables().set("COMP_KEYWORD_CASE", "lower")).isNull();
            assertThat(complete("SEL")).containsExactly("select");
            assertThat(complete("select * from stores ORDER B")).containsExactly("by");
            assertThat(complete("\\copy stores F")).contains("from");
            session.variables().set("COMP_KEYWORD_CASE", "UPPER");   // psql's hook takes any case
            assertThat(complete("sel")).containsExactly("SELECT");
            assertThat(complete("select * from stores wh")).contains("WHERE");
            session.variables().set("COMP_KEYWORD_CASE", "preserve-lower");
            assertThat(complete("sel")).containsExactly("select");
            assertThat(complete("SEL")).containsExactly("SELECT");
            assertThat(complete("")).contains("select", "insert into");   // nothing typed: lower
            session.variables().set("COMP_KEYWORD_CASE", "preserve-upper");
            assertThat(complete("sel")).containsExactly("select");
            assertThat(complete("")).contains("SELECT", "INSERT INTO");
            assertThat(complete("\\copy stores ")).contains("FROM", "TO");   // psql's \copy keywords too
        } finally {
            session.variables().unset("COMP_KEYWORD_CASE");
        }
    }

    @Test
    void nothingInsideLiteralsOrComments() {
        assertThat(complete("select 'sto")).isEmpty();
        assertThat(complete("select * from stores -- line")).isEmpty();
        assertThat(complete("select $$ from li")).isEmpty();
    }

    @Test
    void backslashCommandNames() {
        assertThat(complete("\\con")).containsExactlyInAnyOrder("\\conninfo", "\\connect");
        assertThat(complete("\\")).contains("\\d", "\\copy", "\\i", "\\ir", "\\o", "\\!", "\\cd", "\\c", "\\encoding",
                "\\pset", "\\watch", "\\x", "\\set", "\\unset", "\\timing", "\\q", "\\?");
        assertThat(complete("select 1 \\g")).contains("\\g", "\\gx");
    }

    /** TAB never offers what would answer "invalid command" or that no command of ours takes. */
    @Test
    void everythingOfferedRuns() {
        for (String offered : complete("\\")) {
            MetaCommandCatalog.Entry e = MetaCommandCatalog.PSQL.find(offered.substring(1));
            assertThat(e).as(offered).isNotNull();
            assertThat(e.works()).as(offered).isTrue();
        }
        var registry = org.shardprep.CommandCatalog.forSession(session).registry();
        for (List<String> path : registry.paths()) {
            String line = String.join(" ", path) + " ";
            for (String offered : complete(line)) {
                List<String> words = new java.util.ArrayList<>(path);
                words.add(offered);
                boolean subcommand = registry.resolve(words) != registry.resolve(path);
                boolean option = registry.optionDescriptions(path).containsKey(offered)
                        || registry.resolve(path).getCommandSpec().findOption(offered) != null;
                assertThat(subcommand || option).as(line + offered).isTrue();
            }
        }
        for (String offered : complete("")) {
            if (offered.matches("[a-z-]+") && offered.contains("-")) assertThat(registry.isCommand(offered)).as(offered).isTrue();
        }
    }

    @Test
    void backslashCommandArguments() {
        assertThat(complete("\\x a")).containsExactly("auto");
        assertThat(complete("\\pset form")).containsExactly("format");
        assertThat(complete("\\pset format la")).containsExactly("latex", "latex-longtable");
        assertThat(complete("\\pset linestyle ")).containsExactly("ascii", "old-ascii", "unicode");
        assertThat(complete("\\pset x")).isEmpty();   // psql 16's xheader_width is not psql 15's
        assertThat(complete("\\")).contains("\\H", "\\T");
        assertThat(complete("\\set ON_ERROR_")).containsExactly("ON_ERROR_ROLLBACK", "ON_ERROR_STOP");
        assertThat(complete("\\c complete_")).containsExactly(DB);
        assertThat(complete("\\encoding UT")).containsExactly("UTF8");
    }

    @Test
    void fileNames() {
        assertThat(complete("\\i src/te")).containsExactly("src/te.sql", "src/test/");
        assertThat(complete("\\ir src/")).containsExactly("src/main/", "src/te.sql", "src/test/");
        assertThat(complete("\\o da")).containsExactly("data.csv");
        assertThat(complete("\\cd sr")).containsExactly("src/");
        assertThat(complete("\\copy stores from da")).containsExactly("data.csv");
        assertThat(complete("\\copy stores to st")).containsExactly("stdout");
        assertThat(complete("\\copy sto")).containsExactlyInAnyOrder("stores", "store_names");
        assertThat(complete("\\copy stores f")).contains("from");
    }

    @Test
    void shellCommandsAndTheirOptions() {
        assertThat(complete("lo")).containsExactly("load-all", "load", "lock");
        assertThat(complete("load-al")).containsExactly("load-all");
        assertThat(complete("load-all --")).containsExactly("--from", "--scale", "--jobs", "--fresh", "--yes", "--help");
        assertThat(complete("load-all --jobs 4 --")).containsExactly("--from", "--scale", "--fresh", "--yes", "--help");
        assertThat(complete("swap-pk ")).containsExactly("plan", "run", "--help");
        assertThat(complete("swap-pk run --f")).containsExactly("--force");
    }

    @Test
    void newTableAfterCreateAndMarkStale() throws Exception {
        assertThat(complete("select * from fresh")).isEmpty();
        InputProcessor processor = new InputProcessor(session, ShellCommands.NONE);
        processor.processLine("create table fresh_table (fresh_col int);");
        assertThat(complete("select * from fresh")).containsExactly("fresh_table");
        assertThat(complete("select fresh_c from fresh_table", "select fresh_c".length())).containsExactly("fresh_col");
        catalog.markStale();
        processor.processLine("drop table fresh_table;");
        assertThat(complete("select * from fresh")).isEmpty();
    }

    @Test
    void nothingFromTheCatalogInAFailedTransaction() {
        InputProcessor processor = new InputProcessor(session, ShellCommands.NONE);
        processor.processLine("begin;");
        processor.processLine("select 1/0;");
        try {
            assertThat(complete("select * from line")).isEmpty();
            assertThat(complete("sel")).containsExactly("select");   // keywords still
        } finally {
            processor.processLine("rollback;");
        }
        assertThat(complete("select * from line")).containsExactly("line_items");
    }

    @Test
    void completionInsideAnOpenTransactionLeavesItUsable() throws Exception {
        InputProcessor processor = new InputProcessor(session, ShellCommands.NONE);
        processor.processLine("begin;");
        processor.processLine("create table in_tx (x int);");
        try {
            assertThat(complete("select * from in_t")).containsExactly("in_tx");
            assertThat(session.connection().transactionState()).isEqualTo(org.shardprep.sql.TransactionState.OPEN);
        } finally {
            processor.processLine("rollback;");
        }
        assertThat(complete("select * from in_t")).isEmpty();   // ROLLBACK also makes the names stale
    }

    /** What readLine returns for keys typed on a terminal, TAB included: JLine's own insertion of a candidate. */
    private static String typed(String keys) throws Exception {
        try (Terminal t = new DumbTerminal("typing", "xterm",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
            LineReader r = LineReaderBuilder.builder().terminal(t).parser(parser).completer(completer)
                    .option(LineReader.Option.CASE_INSENSITIVE, true).build();
            return r.readLine("> ");
        }
    }

    @Test
    void tabInsertsTheCompletion() throws Exception {
        assertThat(typed("select * from line\t;\r")).isEqualTo("select * from line_items ;");
        assertThat(typed("SELECT * FROM LINE\t;\r")).isEqualTo("SELECT * FROM line_items ;");
        assertThat(typed("select * from stores s where s.na\t= 'x';\r")).isEqualTo("select * from stores s where s.name = 'x';");
        assertThat(typed("select * from od\t;\r")).isEqualTo("select * from \"Odd Name\" ;");
        assertThat(typed("select * from \"Od\t;\r")).isEqualTo("select * from \"Odd Name\" ;");
        assertThat(typed("\\d line\t\r")).isEqualTo("\\d line_items ");
        assertThat(typed("\\d \"Od\t\r")).isEqualTo("\\d \"Odd Name\" ");
        assertThat(typed("\\i src/tes\t\r")).isEqualTo("\\i src/test/");
        assertThat(typed("\\i src/te\t\r")).startsWith("\\i src/te");
        assertThat(typed("del\tstores;\r")).isEqualTo("delete from stores;");
    }

    @Test
    void aFailingCatalogReadLeavesTheUsersTransactionAlone() throws Exception {
        InputProcessor processor = new InputProcessor(session, ShellCommands.NONE);
        try (Connection other = TestServer.connect(DB); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("lock table pg_catalog.pg_proc in access exclusive mode");   // the functions read waits ...
            processor.processLine("begin;");
            processor.processLine("set local statement_timeout = '300ms';");       // ... and fails
            processor.processLine("create temp table mine (x int);");
            catalog.markStale();
            assertThat(complete("select * from line")).isEmpty();
            assertThat(session.connection().transactionState()).isEqualTo(org.shardprep.sql.TransactionState.OPEN);
            other.rollback();
            processor.processLine("insert into mine values (1);");
            assertThat(processor.lastFailed()).isFalse();
        } finally {
            processor.processLine("rollback;");
        }
        assertThat(complete("select * from line")).containsExactly("line_items");
    }

    @Test
    void neverThrows() {
        for (String line : List.of("\"", "'", "$", "$$", "\\", "select .", ".", "select x.", ":", ":'", "/*", "e'",
                "u&", "\\copy", "\\copy \"", "select * from \"a\"\"", "select (((", "\\d \"", "\\i /nonexistent/dir/")) {
            for (int cursor = 0; cursor <= line.length(); cursor++) {
                complete(line, cursor);
            }
        }
    }
}
