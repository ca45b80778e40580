package org.shardprep.shell.repl.complete;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to offer inside a SQL statement, in the spirit of psql's tab-complete.c: statement starters at the
 * start, relations where a relation comes, columns (of the statement's relations) and functions where an
 * expression comes, and otherwise the keywords that continue a statement.
 */
final class SqlCompletion {

    /** After these (or a ',' / '(' / operator in such a clause) an expression starts. */
    private static final Set<String> EXPRESSION_STARTS = Set.of("SELECT", "WHERE", "SET", "BY", "ON", "AND", "OR",
            "HAVING", "DISTINCT", "WHEN", "THEN", "ELSE", "RETURNING", "NOT", "CASE", "USING");
    private static final Set<String> EXPRESSION_CLAUSES = Set.of("SELECT", "WHERE", "SET", "BY", "ON", "HAVING",
            "RETURNING", "INTO", "USING");
    private static final Set<String> OPERATORS = Set.of(",", "(", "=", "<", ">", "+", "-", "/", "%", "|", "!", "<>");

    private final CatalogNames catalog;

    SqlCompletion(CatalogNames catalog) {
        this.catalog = catalog;
    }

    void complete(StatementContext at, Offers offers) {
        if (at.inLiteral) return;
        if (at.qualifier != null) {
            qualified(at, offers);
            return;
        }
        if (at.atStatementStart()) {
            offers.addKeywords(SqlKeywords.STATEMENT_STARTERS);
            return;
        }
        String prev = at.previous(1);
        String clause = at.clause();
        switch (prev) {
            case "VIEW" -> relations(offers, "vm");
            case "SEQUENCE" -> relations(offers, "S");
            case "INDEX" -> {
                if (!at.previous(2).equals("CREATE") && !at.previous(2).equals("UNIQUE")) relations(offers, "iI");
            }
            case "SCHEMA" -> {
                if (!at.previous(2).equals("CREATE")) offers.addAll(catalog.schemas());
            }
            case "FUNCTION", "PROCEDURE" -> {
                if (!at.previous(2).equals("CREATE") && !at.previous(2).equals("REPLACE")) offers.addAll(catalog.functions());
            }
            case "DATABASE" -> offers.addAll(catalog.databases());
            case "ORDER", "GROUP", "PARTITION" -> offers.addKeywords(List.of("BY"));
            default -> {
                if (expectsRelation(at, prev, clause)) {
                    relations(offers, "rpvmfS");
                    schemasAsQualifiers(offers);
                } else if (expectsExpression(prev, clause)) {
                    columns(at, offers);
                    if (!clause.equals("SET") && !clause.equals("INTO") && !clause.equals("BY")) functions(offers);
                    if (!prev.equals(",") && !prev.equals("(")) offers.addKeywords(List.of("DISTINCT", "CASE", "NOT", "EXISTS", "NULL", "TRUE", "FALSE"));
                } else if (!offers.partial().isEmpty() || !OPERATORS.contains(prev)) {
                    offers.addKeywords(SqlKeywords.CLAUSE_WORDS);
                }
            }
        }
    }

    private static boolean expectsRelation(StatementContext at, String prev, String clause) {
        if (prev.equals("TABLE") && (at.previous(2).equals("CREATE") || at.previous(2).equals("TEMP")
                || at.previous(2).equals("TEMPORARY") || at.previous(2).equals("UNLOGGED"))) return false;
        if (prev.equals(",") && clause.equals("FROM")) return true;
        return Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "ONLY", "TRUNCATE", "REFERENCES", "LOCK",
                "ANALYZE", "VACUUM", "COPY").contains(prev);
    }

    private static boolean expectsExpression(String prev, String clause) {
        if (EXPRESSION_STARTS.contains(prev)) return true;
        return OPERATORS.contains(prev) && EXPRESSION_CLAUSES.contains(clause);
    }

    private void relations(Offers offers, String kinds) {
        boolean system = offers.partial().startsWith("pg_");
        for (CatalogNames.Relation r : catalog.relations()) {
            if (kinds.indexOf(r.kind()) < 0) continue;
            if (r.schema().equals("pg_catalog") && !system) continue;
            offers.add(r.visible() ? r.name() : r.schema() + "." + r.name());
        }
    }

    /** "sales." with no space after it: the schema is the start of a qualified name. */
    private void schemasAsQualifiers(Offers offers) {
        for (String s : catalog.schemas()) {
            if (s.startsWith("pg_") && !offers.partial().startsWith("pg_")) continue;
            if (s.equals("information_schema") && offers.partial().isEmpty()) continue;
            offers.add(s + ".", false);
        }
    }

    private void columns(StatementContext at, Offers offers) {
        List<String> names = new ArrayList<>();
        for (StatementContext.Mention m : at.mentions) names.addAll(catalog.columnsOf(m.relation()));
        offers.addAll(at.mentions.isEmpty() || names.isEmpty() ? catalog.allColumns() : new LinkedHashSet<>(names));
    }

    /** psql offers a function with its opening parenthesis. */
    private void functions(Offers offers) {
        if (offers.partial().isEmpty()) return;   // thousands of them: only once a letter narrows them
        for (String f : catalog.functions()) offers.add(f + "(", false);
    }

    /** x.partial: columns of the relation or alias x, or the relations of schema x. */
    private void qualified(StatementContext at, Offers offers) {
        String x = at.qualifier;
        for (StatementContext.Mention m : at.mentions) {
            if (m.alias() != null && CatalogNames.normalize(m.alias()).equals(CatalogNames.normalize(x))) {
                offers.addAll(catalog.columnsOf(m.relation()));
                return;
            }
        }
        List<String> columns = catalog.columnsOf(x);
        if (!columns.isEmpty()) {
            offers.addAll(columns);
            return;
        }
        String schema = CatalogNames.normalize(x);
        for (CatalogNames.Relation r : catalog.relations()) {
            if (CatalogNames.normalize(r.schema()).equals(schema)) offers.add(r.name());
        }
    }
}
