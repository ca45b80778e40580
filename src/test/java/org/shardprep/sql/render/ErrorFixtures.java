package org.shardprep.sql.render;

import java.util.LinkedHashMap;
import java.util.Map;
import org.shardprep.sql.render.MessageFormatter.ShowContext;
import org.shardprep.sql.render.MessageFormatter.Verbosity;

/**
 * The error and notice cases of capture.sh: the exact query text psql sent (psql -c), the psql
 * settings, and the message fields the PostgreSQL 15 server reported for them.
 */
final class ErrorFixtures {

    record Case(String query, Verbosity verbosity, ShowContext showContext, ServerMessage message) {
    }

    static final String NOSUCHTABLE = "select * from nosuchtable;";
    static final String LINE3 = "select 1,\n  2,\n  3 + nosuchcol\nfrom pg_class;";
    static final String LONG = "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', "
            + "'bbbbbbbbbbbbbbbbbbbbbbbbbbbb', nosuchcol from pg_class;";
    static final String LONGMID = "select 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', nosuchcol, "
            + "'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'"
            + " from pg_class;";
    static final String LONGSTART = "select nosuchcol, "
            + "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' from pg_class;";
    static final String MULTIBYTE = "select '日本語日本語', nosuchcol;";
    static final String TAB = "select\t1,\tnosuchcol;";
    static final String DIV0 = "select 1/0;";
    static final String UNIQUE = "create temp table u(id int primary key); insert into u values (1); insert into u values (1);";
    static final String FK = "create temp table p(id int primary key); create temp table c(pid int references p); "
            + "insert into c values (7);";
    static final String DEPENDENT = "create temp table p(id int primary key); create temp table c(pid int references p); "
            + "drop table p;";
    static final String PLPGSQL = "do $$ begin perform 1/0; end $$;";
    static final String PLPGSQL_QUERY = "do $$ declare x int; begin select nosuchcol into x from pg_class; end $$;";
    static final String SYNTAX = "selec 1;";
    static final String NOFUNC = "select nosuchfunc(1);";
    static final String NOTICE = "do $$ begin raise notice 'hi'; end $$;";
    static final String NOTICE_HINT = "do $$ begin raise notice 'hi' using detail = 'some detail', hint = 'a hint'; end $$;";
    static final String WARNING = "do $$ begin raise warning 'careful'; end $$;";

    private static ServerMessage.Builder error(String sqlState, String message) {
        return ServerMessage.builder().severity("ERROR").sqlState(sqlState).message(message);
    }

    private static ServerMessage.Builder noSuchCol(String query) {
        return error("42703", "column \"nosuchcol\" does not exist")
                .position(query.codePoints().toArray().length
                        - query.substring(query.indexOf("nosuchcol")).codePoints().toArray().length + 1)
                .file("parse_relation.c").line(3665).routine("errorMissingColumn");
    }

    static final String PLPGSQL_CONTEXT = "PL/pgSQL function inline_code_block line 1 at RAISE";

    static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        ServerMessage nosuchtable = error("42P01", "relation \"nosuchtable\" does not exist").position(15)
                .file("parse_relation.c").line(1392).routine("parserOpenTable").build();
        m.put("err-nosuchtable", new Case(NOSUCHTABLE, Verbosity.DEFAULT, ShowContext.ERRORS, nosuchtable));
        m.put("err-nosuchtable-verbose", new Case(NOSUCHTABLE, Verbosity.VERBOSE, ShowContext.ERRORS, nosuchtable));
        m.put("err-nosuchtable-terse", new Case(NOSUCHTABLE, Verbosity.TERSE, ShowContext.ERRORS, nosuchtable));
        m.put("err-nosuchtable-sqlstate", new Case(NOSUCHTABLE, Verbosity.SQLSTATE, ShowContext.ERRORS, nosuchtable));
        m.put("err-line3", new Case(LINE3, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(LINE3).build()));
        m.put("err-long", new Case(LONG, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(LONG).build()));
        m.put("err-longmid", new Case(LONGMID, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(LONGMID).build()));
        m.put("err-longstart", new Case(LONGSTART, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(LONGSTART).build()));
        m.put("err-multibyte", new Case(MULTIBYTE, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(MULTIBYTE).build()));
        m.put("err-tab", new Case(TAB, Verbosity.DEFAULT, ShowContext.ERRORS, noSuchCol(TAB).build()));
        m.put("err-div0", new Case(DIV0, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("22012", "division by zero").file("int.c").line(869).routine("int4div").build()));
        ServerMessage unique = error("23505", "duplicate key value violates unique constraint \"u_pkey\"")
                .detail("Key (id)=(1) already exists.").schema("pg_temp_N").table("u").constraint("u_pkey")
                .file("nbtinsert.c").line(664).routine("_bt_check_unique").build();
        m.put("err-unique", new Case(UNIQUE, Verbosity.DEFAULT, ShowContext.ERRORS, unique));
        m.put("err-unique-verbose", new Case(UNIQUE, Verbosity.VERBOSE, ShowContext.ERRORS, unique));
        m.put("err-fk", new Case(FK, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("23503", "insert or update on table \"c\" violates foreign key constraint \"c_pid_fkey\"")
                        .detail("Key (pid)=(7) is not present in table \"p\".").schema("pg_temp_N").table("c")
                        .constraint("c_pid_fkey").file("ri_triggers.c").line(2596).routine("ri_ReportViolation")
                        .build()));
        m.put("err-dependent", new Case(DEPENDENT, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("2BP01", "cannot drop table p because other objects depend on it")
                        .detail("constraint c_pid_fkey on table c depends on table p")
                        .hint("Use DROP ... CASCADE to drop the dependent objects too.")
                        .file("dependency.c").line(1196).routine("reportDependentObjects").build()));
        ServerMessage plpgsql = error("22012", "division by zero")
                .where("SQL statement \"SELECT 1/0\"\nPL/pgSQL function inline_code_block line 1 at PERFORM")
                .file("int.c").line(869).routine("int4div").build();
        m.put("err-plpgsql", new Case(PLPGSQL, Verbosity.DEFAULT, ShowContext.ERRORS, plpgsql));
        m.put("err-plpgsql-ctx-never", new Case(PLPGSQL, Verbosity.DEFAULT, ShowContext.NEVER, plpgsql));
        m.put("err-plpgsql-query", new Case(PLPGSQL_QUERY, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("42703", "column \"nosuchcol\" does not exist").internalPosition(8)
                        .internalQuery("select nosuchcol        from pg_class")
                        .where("PL/pgSQL function inline_code_block line 1 at SQL statement")
                        .file("parse_relation.c").line(3665).routine("errorMissingColumn").build()));
        m.put("err-syntax", new Case(SYNTAX, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("42601", "syntax error at or near \"selec\"").position(1)
                        .file("scan.l").line(1188).routine("scanner_yyerror").build()));
        m.put("err-nofunc", new Case(NOFUNC, Verbosity.DEFAULT, ShowContext.ERRORS,
                error("42883", "function nosuchfunc(integer) does not exist").position(8)
                        .hint("No function matches the given name and argument types. "
                                + "You might need to add explicit type casts.")
                        .file("parse_func.c").line(629).routine("ParseFuncOrColumn").build()));
        ServerMessage notice = ServerMessage.builder().severity("NOTICE").sqlState("00000").message("hi")
                .where(PLPGSQL_CONTEXT).file("pl_exec.c").line(3891).routine("exec_stmt_raise").build();
        m.put("notice-do", new Case(NOTICE, Verbosity.DEFAULT, ShowContext.ERRORS, notice));
        m.put("notice-ctx-always", new Case(NOTICE, Verbosity.DEFAULT, ShowContext.ALWAYS, notice));
        m.put("notice-hint", new Case(NOTICE_HINT, Verbosity.DEFAULT, ShowContext.ERRORS,
                ServerMessage.builder().severity("NOTICE").sqlState("00000").message("hi").detail("some detail")
                        .hint("a hint").where(PLPGSQL_CONTEXT).file("pl_exec.c").line(3891)
                        .routine("exec_stmt_raise").build()));
        m.put("warning-do", new Case(WARNING, Verbosity.DEFAULT, ShowContext.ERRORS,
                ServerMessage.builder().severity("WARNING").sqlState("01000").message("careful")
                        .where(PLPGSQL_CONTEXT).file("pl_exec.c").line(3891).routine("exec_stmt_raise").build()));
        return m;
    }

    private ErrorFixtures() {
    }
}
