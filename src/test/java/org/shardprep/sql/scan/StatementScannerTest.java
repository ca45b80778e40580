package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StatementScannerTest {

    @Nested
    class Semicolons {
        @Test
        void semicolonEndsStatement() {
            assertThat(ScanRecorder.of("select 1; select 2;").statements)
                    .containsExactly("select 1;", "select 2;");
        }

        @Test
        void unterminatedStatementStaysPending() {
            ScanRecorder r = ScanRecorder.of("select 1");
            assertThat(r.statements).isEmpty();
            assertThat(r.scanner.hasPendingText()).isTrue();
            assertThat(r.scanner.bufferText()).isEqualTo("select 1");
        }

        @Test
        void semicolonInsideParenthesesDoesNotEnd() {
            assertThat(ScanRecorder.of("select (1;", "2);").statements).containsExactly("select (1;\n2);");
        }

        @Test
        void closingParenWithoutOpenIsHarmless() {
            assertThat(ScanRecorder.of("select 1); select 2;").statements)
                    .containsExactly("select 1);", "select 2;");
        }

        @Test
        void bracketsDoNotNest_likePsql() {
            // psql counts only parentheses: "select ARRAY[1;2];" is split at the first ';' (checked with psql 15)
            assertThat(ScanRecorder.of("select ARRAY[1;2];").statements).containsExactly("select ARRAY[1;", "2];");
        }

        @Test
        void semicolonInQuotesAndIdentifiers() {
            assertThat(ScanRecorder.of("select ';'; select \"a;b\" from t; select 2;").statements)
                    .containsExactly("select ';';", "select \"a;b\" from t;", "select 2;");
        }

        @Test
        void leadingWhitespaceOfStatementIsDropped() {
            assertThat(ScanRecorder.of("   select 1;    select 2;").statements)
                    .containsExactly("select 1;", "select 2;");
        }
    }

    @Nested
    class Strings {
        @Test
        void doubledQuote() {
            assertThat(ScanRecorder.of("select 'it''s;'; select 2;").statements)
                    .containsExactly("select 'it''s;';", "select 2;");
        }

        @Test
        void escapeStringBackslashQuote() {
            assertThat(ScanRecorder.of("select E'it\\'s;'; select 2;").statements)
                    .containsExactly("select E'it\\'s;';", "select 2;");
            assertThat(ScanRecorder.of("select e'a\\\\'; select 2;").statements)
                    .containsExactly("select e'a\\\\';", "select 2;");
        }

        @Test
        void escapeStringBackslashBackslashThenDoubledQuoteStaysOpen() {
            // E'\\''; : \\ is an escaped backslash, '' an embedded quote, so the string is still open
            ScanRecorder r = ScanRecorder.of("select E'\\\\'';");
            assertThat(r.statements).isEmpty();
            assertThat(r.scanner.openState()).isEqualTo(OpenState.SINGLE_QUOTE);
        }

        @Test
        void plainStringBackslashIsLiteralWithStandardConformingStrings() {
            assertThat(ScanRecorder.of("select 'a\\'; select 2;").statements)
                    .containsExactly("select 'a\\';", "select 2;");
        }

        @Test
        void plainStringBackslashEscapesWhenStandardConformingStringsOff() {
            ScanRecorder r = new ScanRecorder();
            r.scanner.setStandardConformingStrings(false);
            r.feed("select 'a\\'b;c' as x; select 'q\\\\'; select 2;");
            assertThat(r.statements).containsExactly("select 'a\\'b;c' as x;", "select 'q\\\\';", "select 2;");
            r.scanner.setStandardConformingStrings(true);
            r.feed("select 'a\\'; select 3;");
            assertThat(r.statements).endsWith("select 'a\\';", "select 3;");
        }

        @Test
        void prefixedStrings() {
            assertThat(ScanRecorder.of("select U&'d\\0061t;', B'1;', X'1F;', N'x;'; select 2;").statements)
                    .containsExactly("select U&'d\\0061t;', B'1;', X'1F;', N'x;';", "select 2;");
        }

        @Test
        void nPrefixFollowsStandardConformingStrings() {
            ScanRecorder r = new ScanRecorder();
            r.scanner.setStandardConformingStrings(false);
            r.feed("select N'a\\'; b';");
            assertThat(r.statements).containsExactly("select N'a\\'; b';");
        }

        @Test
        void bitStringHasNoDoubledQuote() {
            // B'01'' : the string ends at the first quote, the second one opens a new literal
            ScanRecorder r = ScanRecorder.of("select B'01'';");
            assertThat(r.scanner.openState()).isEqualTo(OpenState.SINGLE_QUOTE);
        }

        @Test
        void identifierEndingInPrefixLetterIsNotAPrefix() {
            // "ab'" is identifier ab then an ordinary string; "rue'" likewise
            assertThat(ScanRecorder.of("select ab'x\\'; select 2;").statements)
                    .containsExactly("select ab'x\\';", "select 2;");
        }

        @Test
        void quoteContinuationAcrossFedLinesIsTwoLiterals() {
            // psql lexes one line at a time, so 'a' <newline> 'b' are two literals for the lexer; the server
            // joins them. Observable with E'': the second part is not an escape string (checked with psql 15).
            assertThat(ScanRecorder.of("select E'a'", "'b\\'; select 81;").statements)
                    .containsExactly("select E'a'\n'b\\';", "select 81;");
        }

        @Test
        void quoteContinuationInsideOneInputKeepsEscapeMode() {
            // a variable value holding a newline is lexed in one piece: E'a' \n 'b\'... continues the E string
            Map<String, String> vars = Map.of("v", "E'a'\n'b\\';");
            ScanRecorder r = new ScanRecorder().withVariables(vars);
            r.feed("select :v");
            assertThat(r.statements).isEmpty();
            assertThat(r.scanner.openState()).isEqualTo(OpenState.SINGLE_QUOTE);
        }

        @Test
        void quoteContinuationThroughCommentInsideOneInput() {
            Map<String, String> vars = Map.of("v", "'a' -- c\n 'b;'");
            ScanRecorder r = new ScanRecorder().withVariables(vars);
            r.feed("select :v; select 2;");
            assertThat(r.statements).containsExactly("select 'a' -- c\n 'b;';", "select 2;");
        }

        @Test
        void quotedIdentifierWithDoubledQuote() {
            assertThat(ScanRecorder.of("select 1 as \"a\"\";b\"; select 2;").statements)
                    .containsExactly("select 1 as \"a\"\";b\";", "select 2;");
            assertThat(ScanRecorder.of("select U&\"d;\"; select 2;").statements)
                    .containsExactly("select U&\"d;\";", "select 2;");
        }

        @Test
        void ampersandAfterUIsAnOperator() {
            assertThat(ScanRecorder.of("select u & 1, u&1; select 2;").statements)
                    .containsExactly("select u & 1, u&1;", "select 2;");
        }

        @Test
        void numberJunkSwallowsTheE() {
            // psql 15.9+: 1e is one (junk) token, so the quote after it starts a standard string:
            // '\'' is a string holding \' (checked with psql 15.18)
            ScanRecorder r = ScanRecorder.of("select 1e'\\'' as x; select 2;");
            assertThat(r.statements).isEmpty();
            assertThat(r.scanner.openState()).isEqualTo(OpenState.SINGLE_QUOTE);
            assertThat(ScanRecorder.of("select 1e'a'; select 2;").statements)
                    .containsExactly("select 1e'a';", "select 2;");
        }
    }

    @Nested
    class DollarQuotes {
        @Test
        void semicolonInsideDollarQuote() {
            assertThat(ScanRecorder.of("select $$;$$; select 2;").statements)
                    .containsExactly("select $$;$$;", "select 2;");
        }

        @Test
        void taggedDollarQuoteWithDifferentInnerTag() {
            assertThat(ScanRecorder.of("select $body$ $x$ ; $x$ $body$; select 2;").statements)
                    .containsExactly("select $body$ $x$ ; $x$ $body$;", "select 2;");
        }

        @Test
        void innerTagSharingTheFinalDollar() {
            // $a$x$junk$a$ : "$junk" is not the tag, its final $ starts the real closing $a$
            assertThat(ScanRecorder.of("select $a$x$junk$a$; select 2;").statements)
                    .containsExactly("select $a$x$junk$a$;", "select 2;");
        }

        @Test
        void dollarInsideIdentifierIsNotAQuote() {
            assertThat(ScanRecorder.of("select a$b$ from t; select 2;").statements)
                    .containsExactly("select a$b$ from t;", "select 2;");
        }

        @Test
        void parameterIsNotAQuote() {
            assertThat(ScanRecorder.of("select $1, $2$; select 2;").statements)
                    .containsExactly("select $1, $2$;", "select 2;");
        }

        @Test
        void dollarQuoteSpansLines() {
            ScanRecorder r = ScanRecorder.of("select $f$", "a;", "", "$f$;");
            assertThat(r.statesAfterLine).containsExactly(OpenState.DOLLAR_QUOTE, OpenState.DOLLAR_QUOTE,
                    OpenState.DOLLAR_QUOTE, OpenState.NONE);
            // the empty line inside the quote is kept
            assertThat(r.statements).containsExactly("select $f$\na;\n\n$f$;");
        }

        @Test
        void tagCannotStartWithDigit() {
            // $1x$ is a parameter with junk, not a delimiter
            assertThat(ScanRecorder.of("select $1x$; select 2;").statements)
                    .containsExactly("select $1x$;", "select 2;");
        }
    }

    @Nested
    class Comments {
        @Test
        void lineCommentHidesSemicolon() {
            ScanRecorder r = ScanRecorder.of("select 1 -- c;", ";");
            assertThat(r.statements).containsExactly("select 1 -- c;\n;");
        }

        @Test
        void commentOnlyLineAtEmptyBufferIsDropped() {
            ScanRecorder r = ScanRecorder.of("-- lone comment");
            assertThat(r.scanner.bufferText()).isEmpty();
            assertThat(r.scanner.openState()).isEqualTo(OpenState.NONE);
            assertThat(r.sentAtEof()).isEmpty();
        }

        @Test
        void commentAfterStatementOnSameLineIsDropped() {
            ScanRecorder r = ScanRecorder.of("select 1; -- tail");
            assertThat(r.statements).containsExactly("select 1;");
            assertThat(r.scanner.bufferText()).isEmpty();
        }

        @Test
        void nestedBlockComments() {
            assertThat(ScanRecorder.of("select /* a /* b ; */ still ; */ 7; select 2;").statements)
                    .containsExactly("select /* a /* b ; */ still ; */ 7;", "select 2;");
        }

        @Test
        void nestedCommentWithQuotes() {
            ScanRecorder r = ScanRecorder.of("select /* it's /* \"x ; */ $$ ' */ 1;");
            assertThat(r.statements).containsExactly("select /* it's /* \"x ; */ $$ ' */ 1;");
        }

        @Test
        void blockCommentAloneIsPendingText() {
            ScanRecorder r = ScanRecorder.of("/* x */");
            assertThat(r.scanner.openState()).isEqualTo(OpenState.CONTINUE);
            assertThat(r.sentAtEof()).containsExactly("/* x */");
        }

        @Test
        void commentStartInsideOperator() {
            assertThat(ScanRecorder.of("select 1+--x;", "2;").statements).containsExactly("select 1+--x;\n2;");
            assertThat(ScanRecorder.of("select 1 +/* ; */ 2;").statements).containsExactly("select 1 +/* ; */ 2;");
        }

        @Test
        void starsBeforeCommentEnd() {
            assertThat(ScanRecorder.of("select /*** x ***/ 1; select 2;").statements)
                    .containsExactly("select /*** x ***/ 1;", "select 2;");
        }
    }

    @Nested
    class BeginAtomic {
        @Test
        void sqlStandardFunctionBodyIsOneStatement() {
            assertThat(ScanRecorder.of(
                    "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; select 3;")
                    .statements)
                    .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;",
                            "select 3;");
        }

        @Test
        void orReplaceProcedureWithCase() {
            ScanRecorder r = ScanRecorder.of(
                    "create or replace procedure p() language sql",
                    "begin atomic",
                    "  select case x when 1 then 10 else 20 end;",
                    "  select 3;",
                    "end;");
            assertThat(r.statesAfterLine).containsExactly(OpenState.CONTINUE, OpenState.CONTINUE,
                    OpenState.CONTINUE, OpenState.CONTINUE, OpenState.NONE);
            assertThat(r.statements).hasSize(1);
        }

        @Test
        void transactionBlocksStillSplit() {
            assertThat(ScanRecorder.of("BEGIN;", "select 1;", "END;", "begin; commit;").statements)
                    .containsExactly("BEGIN;", "select 1;", "END;", "begin;", "commit;");
        }

        @Test
        void beginOnlyCountsInCreateFunctionOrProcedure() {
            assertThat(ScanRecorder.of("select 1 as begin; select 2;").statements)
                    .containsExactly("select 1 as begin;", "select 2;");
            assertThat(ScanRecorder.of("create view v as select case when true then 1 end; select 2;").statements)
                    .containsExactly("create view v as select case when true then 1 end;", "select 2;");
        }

        @Test
        void caseOutsideBeginIsNotCounted() {
            assertThat(ScanRecorder.of("create function f() returns int return case when true then 1 end; select 2;")
                    .statements)
                    .containsExactly("create function f() returns int return case when true then 1 end;", "select 2;");
        }

        @Test
        void wordsInsideParenthesesAreNotCounted() {
            assertThat(ScanRecorder.of("create function f(begin int) returns int language sql return 1; select 2;")
                    .statements)
                    .containsExactly("create function f(begin int) returns int language sql return 1;", "select 2;");
        }

        @Test
        void quotedBeginIsNotAWord() {
            assertThat(ScanRecorder.of("create function \"begin\"() returns int return 1; select 2;").statements)
                    .containsExactly("create function \"begin\"() returns int return 1;", "select 2;");
        }

        @Test
        void backslashSemicolonResetsWordCount() {
            // after \; the next words start a new statement as far as the heuristic goes
            ScanRecorder r = ScanRecorder.of("select 1 \\; create function f() returns int begin atomic select 1; end;");
            assertThat(r.statements)
                    .containsExactly("select 1 ; create function f() returns int begin atomic select 1; end;");
        }

        @Test
        void parenOpenInsideBeginShowsParenPrompt() {
            ScanRecorder r = ScanRecorder.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC", "SELECT 1;",
                    "(", "select 2;", "END;");
            assertThat(r.statesAfterLine).containsExactly(OpenState.CONTINUE, OpenState.CONTINUE, OpenState.PAREN,
                    OpenState.PAREN, OpenState.PAREN);
        }

        @Test
        void plpgsqlFunctionsOfTheExercise() {
            String createOrders = """
                    CREATE OR REPLACE FUNCTION create_orders(batch_size int)
                    RETURNS void\s
                    LANGUAGE plpgsql
                    AS
                    $$
                    DECLARE
                        ord_id bigint;
                        st_id bigint;
                        store_count bigint := (SELECT COUNT(*) FROM stores);
                    BEGIN
                        FOR j IN 1..batch_size LOOP
                            -- Retrieve a random store, skewing to store_id 5.
                            IF j % 3 = 0 THEN
                                st_id := 5;
                            ELSE
                                st_id := floor(random() * store_count + 1);
                            END IF;
                           \s
                            ord_id := (SELECT nextval('orders_order_id_seq'));

                            -- Insert a new order
                            INSERT INTO orders (order_id, store_id, status, billing_address, shipping_address, ordered_at)
                            VALUES(ord_id, st_id, 'Pending', '123 Main St.', null, NOW()::date);
                            FOR i IN 1..floor(random() * (3) + 1) LOOP
                                INSERT INTO line_items (line_item_id, product_id, order_id, quantity, line_amount)
                                VALUES(DEFAULT, prod_id, ord_id, quantity, line_amt);
                            END LOOP;
                        END LOOP;
                    END;
                    $$;
                    """;
            String backfill = """
                    CREATE OR REPLACE FUNCTION backfill_batch(batch_size bigint)
                    RETURNS void
                    LANGUAGE PLPGSQL
                    AS
                    $$
                    BEGIN
                        WITH batch AS (
                            SELECT line_item_id, order_id
                            FROM line_items
                            WHERE store_id IS NULL
                            LIMIT batch_size
                                FOR UPDATE
                                SKIP LOCKED
                        )
                        UPDATE line_items AS li
                            SET store_id = orders.store_id
                        FROM batch, orders
                        WHERE batch.line_item_id = li.line_item_id
                            AND batch.order_id = orders.order_id;
                    END;
                    $$;
                    """;
            ScanRecorder r = new ScanRecorder().feedScript(createOrders + "\\timing\nSELECT create_orders(20000);\n"
                    + backfill + "SELECT cron.schedule('backfill', '*/1 * * * *', 'SELECT backfill_batch(1000000);');\n");
            assertThat(r.statements).hasSize(4);
            assertThat(r.statements.get(0)).startsWith("CREATE OR REPLACE FUNCTION create_orders").endsWith("END;\n$$;");
            // psql keeps the blank line that is inside the dollar quote
            assertThat(r.statements.get(0)).contains("'orders_order_id_seq'));\n\n");
            assertThat(r.statements.get(1)).isEqualTo("SELECT create_orders(20000);");
            assertThat(r.statements.get(2)).startsWith("CREATE OR REPLACE FUNCTION backfill_batch").endsWith("$$;");
            assertThat(r.statements.get(3)).endsWith("'SELECT backfill_batch(1000000);');");
            assertThat(r.commands).extracting(MetaCommand::name).containsExactly("timing");
            assertThat(r.firstLines).containsExactly(1, 32, 33, 54);
        }
    }

    @Nested
    class Backslash {
        @Test
        void backslashSemicolonIsLiteralSemicolon() {
            // psql -e shows "select 1 ; select 2;" sent as one query (checked with psql 15)
            assertThat(ScanRecorder.of("select 1 \\; select 2;").statements).containsExactly("select 1 ; select 2;");
        }

        @Test
        void backslashColonIsLiteralColon() {
            ScanRecorder r = new ScanRecorder().withVariables(Map.of("x", "5"));
            r.feed("select \\:x, :x;");
            assertThat(r.statements).containsExactly("select :x, 5;");
        }

        @Test
        void gSendsTheBufferWithTrailingSpace() {
            ScanRecorder r = ScanRecorder.of("select 1 \\g");
            assertThat(r.events).containsExactly("META: g|", "SENT: select 1 ");
            assertThat(r.scanner.bufferText()).isEmpty();
        }

        @Test
        void gOnItsOwnLineDropsTheAddedNewline() {
            ScanRecorder r = ScanRecorder.of("select 6", "\\g");
            assertThat(r.events).containsExactly("META: g|", "SENT: select 6");
        }

        @Test
        void commandNameEndsAtBackslash() {
            ScanRecorder r = ScanRecorder.of("\\dt\\\\select 1;");
            assertThat(r.events).containsExactly("META: dt|", "SQL[1]: select 1;");
        }

        @Test
        void echoThenSqlAfterDoubleBackslash() {
            ScanRecorder r = ScanRecorder.of("\\echo a \\\\ select 1;");
            assertThat(r.events).containsExactly("META: echo|a", "SQL[1]: select 1;");
        }

        @Test
        void sqlThenMetaThenSqlOnOneLine() {
            // psql sends "select 8  ;": the space before \echo and the one after \\ (checked with psql 15)
            ScanRecorder r = ScanRecorder.of("select 8 \\echo mid \\\\ ;");
            assertThat(r.events).containsExactly("META: echo|mid", "SQL[1]: select 8  ;");
        }

        @Test
        void singleBackslashStartsNextCommand() {
            ScanRecorder r = ScanRecorder.of("\\echo a\\echo b");
            assertThat(r.events).containsExactly("META: echo|a", "META: echo|b");
        }

        @Test
        void quotedBackslashDoesNotEndArguments() {
            ScanRecorder r = ScanRecorder.of("\\echo 'a\\\\b' \"c \\\\ d\" `echo e \\\\ f` \\\\ select 1;");
            assertThat(r.events).containsExactly("META: echo|'a\\\\b' \"c \\\\ d\" `echo e \\\\ f`", "SQL[1]: select 1;");
        }

        @Test
        void wholeLineCommandsTakeTheRestOfTheLine() {
            for (String name : List.of("!", "copy", "ef", "ev", "sf", "sv", "h", "help")) {
                ScanRecorder r = ScanRecorder.of("\\" + name + " a 'b \\\\ c;");
                assertThat(r.events).as(name).containsExactly("META: " + name + "|a 'b \\\\ c;");
                assertThat(r.scanner.bufferText()).as(name).isEmpty();
            }
        }

        @Test
        void setIsNotWholeLine() {
            ScanRecorder r = ScanRecorder.of("\\set a 'x' \\\\ select 1;");
            assertThat(r.events).containsExactly("META: set|a 'x'", "SQL[1]: select 1;");
        }

        @Test
        void pipeAfterGTakesTheRestOfTheLine() {
            ScanRecorder r = ScanRecorder.of("select 2 \\g |cat \\\\ select 3;");
            assertThat(r.events).containsExactly("META: g||cat \\\\ select 3;", "SENT: select 2 ");
            assertThat(r.commands.get(0).rawArgs()).isEqualTo("|cat \\\\ select 3;");
        }

        @Test
        void gWithOptionsThenPipe() {
            ScanRecorder r = ScanRecorder.of("select 2 \\g (format=csv tuples_only) |cat \\\\ x");
            assertThat(r.commands.get(0).rawArgs()).isEqualTo("(format=csv tuples_only) |cat \\\\ x");
            ScanRecorder r2 = ScanRecorder.of("select 2 \\g (format=csv) out.csv \\\\ select 3;");
            assertThat(r2.commands.get(0).rawArgs()).isEqualTo("(format=csv) out.csv");
            assertThat(r2.statements).containsExactly("select 3;");
        }

        @Test
        void unknownCommandSwallowsTheLine() {
            // psql: "invalid command \foo", rest of the line discarded (checked with psql 15)
            ScanRecorder r = ScanRecorder.of("\\foo bar \\\\ select 1;");
            assertThat(r.events).containsExactly("META: foo|bar \\\\ select 1;");
            assertThat(r.commands.get(0).isKnown()).isFalse();
            ScanRecorder r2 = ScanRecorder.of("\\\\ select 5;");
            assertThat(r2.commands.get(0).name()).isEmpty();
            assertThat(r2.statements).isEmpty();
        }

        @Test
        void backslashAfterArgumentThatIsNotDoubleStartsSql() {
            // \echo f\;g : the argument ends at the backslash, then \; puts ';' into the buffer (checked with psql)
            ScanRecorder r = ScanRecorder.of("\\echo f\\;g");
            assertThat(r.events).containsExactly("META: echo|f");
            assertThat(r.scanner.bufferText()).isEqualTo(";g");
        }

        @Test
        void printAndResetSeeTheBuffer() {
            ScanRecorder r = ScanRecorder.of("select 6 \\p \\r", "select 7;");
            assertThat(r.events).containsExactly("META: p|", "PRINT: select 6 ", "META: r|", "SQL[2]: select 7;");
        }

        @Test
        void resetClearsParenDepth() {
            ScanRecorder r = ScanRecorder.of("select (", "\\r", "select 1;");
            assertThat(r.statesAfterLine).containsExactly(OpenState.PAREN, OpenState.NONE, OpenState.NONE);
            assertThat(r.statements).containsExactly("select 1;");
        }

        @Test
        void metaCommandInsideStatementKeepsBuffer() {
            ScanRecorder r = ScanRecorder.of("select", "\\echo hi", "1;");
            assertThat(r.events).containsExactly("META: echo|hi", "SQL[1]: select\n1;");
        }

        @Test
        void backslashInsideQuotesIsNotACommand() {
            assertThat(ScanRecorder.of("select '\\g', $$\\q$$, \"\\x\" /* \\r */;").statements)
                    .containsExactly("select '\\g', $$\\q$$, \"\\x\" /* \\r */;");
        }

        @Test
        void quitStopsTheLine() {
            ScanRecorder r = ScanRecorder.of("\\q select 1;");
            assertThat(r.events).containsExactly("META: q|select 1;");
            assertThat(r.statements).isEmpty();
        }

        @Test
        void metaCommandLineNumbers() {
            ScanRecorder r = ScanRecorder.of("select 1;", "", "\\timing on");
            assertThat(r.commands).containsExactly(new MetaCommand("timing", "on", 3, MetaCommandCatalog.PSQL));
        }
    }

    @Nested
    class Variables {
        private final Map<String, String> vars = new HashMap<>();

        private ScanRecorder run(String... lines) {
            return new ScanRecorder().withVariables(vars).feed(lines);
        }

        @Test
        void plainVariableIsSubstituted() {
            vars.put("tbl", "orders");
            assertThat(run("select * from :tbl;").statements).containsExactly("select * from orders;");
        }

        @Test
        void quotedLiteral() {
            vars.put("w", "ab'c");
            assertThat(run("select :'w';").statements).containsExactly("select 'ab''c';");
        }

        @Test
        void quotedLiteralWithBackslashUsesEscapeSyntax() {
            // psql sends "select  E'it''s a\\b'" (note the leading space PQescapeLiteral adds; checked with psql 15)
            vars.put("v", "it's a\\b");
            assertThat(run("select :'v', :\"v\";").statements).containsExactly("select  E'it''s a\\\\b', \"it's a\\b\";");
        }

        @Test
        void quotedIdentifier() {
            vars.put("c", "My \"col\"");
            assertThat(run("select :\"c\";").statements).containsExactly("select \"My \"\"col\"\"\";");
        }

        @Test
        void undefinedVariableStaysAsTyped() {
            assertThat(run("select :nope, :'nope', :\"nope\";").statements)
                    .containsExactly("select :nope, :'nope', :\"nope\";");
        }

        @Test
        void castIsNotAVariable() {
            vars.put("int", "XX");
            assertThat(run("select 1::int, a:int;").statements).containsExactly("select 1::int, aXX;");
        }

        @Test
        void noLookupNoInterpolation() {
            assertThat(ScanRecorder.of("select :x, :'x', :{?x};").statements).containsExactly("select :x, :'x', :{?x};");
        }

        @Test
        void notInQuotesOrComments() {
            vars.put("x", "5");
            assertThat(run("select ':x', $$:x$$, \":x\" /* :x */, :x -- :x", ";").statements)
                    .containsExactly("select ':x', $$:x$$, \":x\" /* :x */, 5 -- :x\n;");
        }

        @Test
        void existenceTest() {
            vars.put("x", "5");
            assertThat(run("select :{?x}, :{?y};").statements).containsExactly("select TRUE, FALSE;");
        }

        @Test
        void valueIsLexedSoItsSemicolonsSplit() {
            // \set x 'select 11; select 12' then ":x;" -> psql sends two queries (checked with psql 15)
            vars.put("x", "select 11; select 12");
            assertThat(run(":x;").statements).containsExactly("select 11;", "select 12;");
        }

        @Test
        void valueCanOpenAQuote() {
            vars.put("q", "'abc");
            ScanRecorder r = run("select :q;");
            assertThat(r.scanner.openState()).isEqualTo(OpenState.SINGLE_QUOTE);
        }

        @Test
        void recursiveExpansionIsSkipped() {
            // \set r 'x :r y' then ":r" -> "x :r y" (psql warns "skipping recursive expansion"; checked)
            vars.put("r", "x :r y");
            assertThat(run("select :r;").statements).containsExactly("select x :r y;");
        }

        @Test
        void nestedExpansion() {
            vars.put("a", ":b + 1");
            vars.put("b", "2");
            assertThat(run("select :a;").statements).containsExactly("select 2 + 1;");
        }

        @Test
        void valueWithBackslashCommand() {
            // \set e 'select 97 \\g' then ":e" -> psql runs \g with "select 97 " (checked with psql 15)
            vars.put("e", "select 97 \\g");
            ScanRecorder r = run(":e");
            assertThat(r.events).containsExactly("META: g|", "SENT: select 97 ");
        }

        @Test
        void valueWithBackslashCommandFollowedByText() {
            vars.put("e", "select 1 \\echo");
            ScanRecorder r = run(":e x \\\\ select 2;");
            assertThat(r.events).containsExactly("META: echo|x", "SQL[1]: select 1  select 2;");
        }
    }

    @Nested
    class LinesAndPrompt {
        @Test
        void emptyLinesOutsideQuotesAreDropped() {
            assertThat(ScanRecorder.of("select", "", "4;").statements).containsExactly("select\n4;");
        }

        @Test
        void whitespaceOnlyLineInsideStatementIsKept() {
            assertThat(ScanRecorder.of("select", "   ", "4;").statements).containsExactly("select\n   \n4;");
        }

        @Test
        void commentLineInsideStatementKeepsNewline() {
            assertThat(ScanRecorder.of("select", "  -- inner", "", "  94;").statements)
                    .containsExactly("select\n  -- inner\n  94;");
        }

        @Test
        void emptyLineInsideStringIsKept() {
            assertThat(ScanRecorder.of("select '", "", "q';").statements).containsExactly("select '\n\nq';");
        }

        @Test
        void openStateAfterEachLine() {
            ScanRecorder r = ScanRecorder.of(
                    "select (",        // (
                    "1",               // (
                    ")",               // -
                    ";",               // =
                    "select 'a",       // '
                    "';",              // =
                    "select \"a",      // "
                    "\";",             // =
                    "select $q$",      // $
                    "$q$;",            // =
                    "select /* a",     // *
                    "/* b */ still",   // *
                    "*/;",             // =
                    "select E'\\",     // '
                    "';",              // =
                    "select 'a'",      // -  (after a closed literal: statement in progress)
                    ";");              // =
            assertThat(r.statesAfterLine).extracting(OpenState::promptChar).containsExactly(
                    "(", "(", "-", "=", "'", "=", "\"", "=", "$", "=", "*", "*", "=", "'", "=", "-", "=");
        }

        @Test
        void parenOutranksOtherContinuation() {
            assertThat(ScanRecorder.of("select 1; select (").scanner.openState()).isEqualTo(OpenState.PAREN);
        }

        @Test
        void statementFirstLineCountsAllFedLines() {
            ScanRecorder r = ScanRecorder.of("", "-- c", "  select", "1; select", "", "2;");
            assertThat(r.firstLines).containsExactly(3, 4);
        }

        @Test
        void hasPendingText() {
            StatementScanner s = new StatementScanner(MetaCommandCatalog.PSQL);
            ScanRecorder r = new ScanRecorder();
            s.feedLine("   ", r);
            assertThat(s.hasPendingText()).isFalse();
            s.feedLine("select", r);
            assertThat(s.hasPendingText()).isTrue();
            assertThat(s.takeBuffer()).isEqualTo("select");
            assertThat(s.hasPendingText()).isFalse();
            assertThat(s.openState()).isEqualTo(OpenState.NONE);
        }
    }

    @Nested
    class EndOfInput {
        @Test
        void unterminatedStatementIsReturned() {
            ScanRecorder r = ScanRecorder.of("select 1;", "select 2");
            assertThat(r.scanner.finish()).contains("select 2");
            assertThat(r.scanner.finish()).isEmpty();
        }

        @Test
        void openParenIsStillReturned() {
            assertThat(ScanRecorder.of("select (1").scanner.finish()).contains("select (1");
        }

        @Test
        void emptyInput() {
            assertThat(ScanRecorder.of("", "  ", "-- x").scanner.finish()).isEmpty();
        }

        @Test
        void insideQuoteThrowsWithLine() {
            ScanRecorder r = ScanRecorder.of("select 1;", "select 'abc", "def");
            assertThatThrownBy(r.scanner::finish)
                    .isInstanceOfSatisfying(UnterminatedInputException.class, e -> {
                        assertThat(e.line()).isEqualTo(2);
                        assertThat(e.reason()).isEqualTo("unterminated quoted string");
                        assertThat(e.pendingText()).isEqualTo("select 'abc\ndef");
                    })
                    .hasMessageStartingWith("unterminated quoted string");
            assertThat(r.scanner.finish()).isEmpty();   // state was reset
        }

        @Test
        void insideCommentDollarQuoteAndIdentifier() {
            assertThatThrownBy(ScanRecorder.of("x", "select /* a /* b */", "")::sentAtEof)
                    .isInstanceOfSatisfying(UnterminatedInputException.class, e -> assertThat(e.line()).isEqualTo(2))
                    .hasMessageStartingWith("unterminated /* comment");
            assertThatThrownBy(ScanRecorder.of("select $x$ a", "b")::sentAtEof)
                    .hasMessageStartingWith("unterminated dollar-quoted string");
            assertThatThrownBy(ScanRecorder.of("select \"a")::sentAtEof)
                    .hasMessageStartingWith("unterminated quoted identifier");
        }

        @Test
        void unterminatedEscapeStringFromExercise() {
            assertThatThrownBy(ScanRecorder.of("select e'\\\\'';")::sentAtEof)
                    .isInstanceOf(UnterminatedInputException.class);
        }
    }

    @Nested
    class CompletenessForLineEditor {
        @Test
        void completeWhenBufferEmpty() {
            assertThat(StatementScanner.completeness("select 1;", true, MetaCommandCatalog.PSQL)).isEqualTo(new Completeness(true, OpenState.NONE));
            assertThat(StatementScanner.completeness("", true, MetaCommandCatalog.PSQL).complete()).isTrue();
            assertThat(StatementScanner.completeness("-- c", true, MetaCommandCatalog.PSQL).complete()).isTrue();
        }

        @Test
        void incompleteCarriesOpenState() {
            assertThat(StatementScanner.completeness("select 1", true, MetaCommandCatalog.PSQL))
                    .isEqualTo(new Completeness(false, OpenState.CONTINUE));
            assertThat(StatementScanner.completeness("select 'a;\nb", true, MetaCommandCatalog.PSQL))
                    .isEqualTo(new Completeness(false, OpenState.SINGLE_QUOTE));
            assertThat(StatementScanner.completeness("select (\n1", true, MetaCommandCatalog.PSQL))
                    .isEqualTo(new Completeness(false, OpenState.PAREN));
            assertThat(StatementScanner.completeness("select $$\n;", true, MetaCommandCatalog.PSQL))
                    .isEqualTo(new Completeness(false, OpenState.DOLLAR_QUOTE));
        }

        @Test
        void lastLineWithStatementOrMetaCommandIsComplete() {
            assertThat(StatementScanner.completeness("select 1; select (", true, MetaCommandCatalog.PSQL).complete()).isTrue();
            assertThat(StatementScanner.completeness("select 1\n\\g", true, MetaCommandCatalog.PSQL).complete()).isTrue();
            assertThat(StatementScanner.completeness("select 1 \\p", true, MetaCommandCatalog.PSQL).complete()).isTrue();
            assertThat(StatementScanner.completeness("select 1;\nselect (", true, MetaCommandCatalog.PSQL).complete()).isFalse();
        }

        @Test
        void standardConformingStringsMatters() {
            assertThat(StatementScanner.completeness("select 'a\\';", true, MetaCommandCatalog.PSQL).complete()).isTrue();
            assertThat(StatementScanner.completeness("select 'a\\';", false, MetaCommandCatalog.PSQL))
                    .isEqualTo(new Completeness(false, OpenState.SINGLE_QUOTE));
        }
    }

    @Nested
    class Scale {
        @Test
        void tenMegabyteScriptIsLinearAndNotRecursive() {
            StringBuilder line = new StringBuilder("select '");
            line.append("x".repeat(5_000_000)).append("'; /* ").append("/*".repeat(100_000))
                    .append(" */".repeat(100_001)).append(" select (").append("(".repeat(200_000))
                    .append(")".repeat(200_001)).append(";");
            // a scanner that rescans its buffer would take hours here: this input is its own guard, no stopwatch
            ScanRecorder r = new ScanRecorder();
            r.feed(line.toString());
            for (int i = 0; i < 100_000; i++) {
                r.feed("insert into t values (" + i + ", 'v;" + i + "');");
            }
            assertThat(r.statements).hasSize(100_002);
        }

        @Test
        void oneHugeStatementOverManyLines() {
            ScanRecorder r = new ScanRecorder();
            r.feed("insert into t values");
            for (int i = 0; i < 200_000; i++) {
                r.feed("(" + i + ", $$" + i + ";$$),");
            }
            r.feed("(0, '');");
            assertThat(r.statements).hasSize(1);
            assertThat(r.firstLines).containsExactly(1);
        }
    }
}
