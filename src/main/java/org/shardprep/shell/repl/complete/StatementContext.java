package org.shardprep.shell.repl.complete;

import org.shardprep.shell.repl.complete.SqlTokens.Kind;
import org.shardprep.shell.repl.complete.SqlTokens.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the cursor is in the SQL statement being typed: the identifier under it, the words before it, the
 * clause it is in, and the relations the statement names (with their aliases), before or after the cursor.
 */
final class StatementContext {

    /** Words after which a relation name comes. */
    private static final Set<String> RELATION_SLOTS = Set.of("FROM", "JOIN", "INTO", "UPDATE", "TABLE", "ONLY", "TRUNCATE",
            "REFERENCES", "LOCK", "ANALYZE", "VACUUM", "DESCRIBE");
    /** Words that start a part of a statement, for deciding what a ',' or '(' continues. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "FROM", "WHERE", "SET", "BY", "ON", "HAVING", "JOIN",
            "INTO", "UPDATE", "RETURNING", "VALUES", "USING", "LIMIT", "OFFSET", "WINDOW", "TABLE");
    /** Words that end a FROM list. */
    private static final Set<String> AFTER_FROM = Set.of("WHERE", "GROUP", "ORDER", "HAVING", "LIMIT", "OFFSET", "ON",
            "USING", "SET", "VALUES", "SELECT", "RETURNING", "WINDOW", "UNION", "EXCEPT", "INTERSECT", "FOR", "DEFAULT");

    /** A relation named in the statement, as typed (maybe schema-qualified), and its alias or null. */
    record Mention(String relation, String alias) {}

    final String text;
    final int partialStart;
    final String partial;           // the identifier (or "quoted prefix) up to the cursor; "" between words
    final String qualifier;         // the x of "x.partial", else null
    final List<String> before;      // significant words and punctuation of this statement before the partial, upper-cased words
    final List<Mention> mentions;
    final boolean inLiteral;        // inside a string, comment or unfinished quote: nothing to complete

    private StatementContext(String text, int partialStart, String partial, String qualifier, List<String> before,
                             List<Mention> mentions, boolean inLiteral) {
        this.text = text;
        this.partialStart = partialStart;
        this.partial = partial;
        this.qualifier = qualifier;
        this.before = before;
        this.mentions = mentions;
        this.inLiteral = inLiteral;
    }

    static StatementContext at(String text, int cursor) {
        List<Token> tokens = SqlTokens.of(text);
        int partialStart = cursor;
        boolean inLiteral = false;
        int at = -1;   // index of the token the cursor is in or right after
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() < cursor && cursor <= t.end()) {
                at = k;
                break;
            }
        }
        if (at >= 0) {
            Token t = tokens.get(at);
            switch (t.kind()) {
                case WORD -> partialStart = t.start();
                case QUOTED_IDENTIFIER -> {
                    if (t.closed() && cursor == t.end()) partialStart = t.start();
                    else if (!t.closed()) partialStart = t.start();
                    else inLiteral = true;
                }
                case STRING, VARIABLE -> inLiteral = !(t.closed() && cursor == t.end()) || t.kind() == Kind.VARIABLE;
                // a -- comment runs to the end of its line, so its end is still inside it
                case COMMENT -> inLiteral = !(t.closed() && cursor == t.end()) || text.startsWith("--", t.start());
                default -> { }
            }
        }
        String partial = text.substring(partialStart, cursor);

        // the statement: from after the last ';' (or backslash command) before the partial to the next ';'
        int from = 0, to = tokens.size();
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            boolean boundary = (t.kind() == Kind.PUNCTUATION && text.charAt(t.start()) == ';')
                    || t.kind() == Kind.META_COMMAND || t.kind() == Kind.META_ARGUMENTS;
            if (!boundary) continue;
            if (t.end() <= partialStart) from = k + 1;
            else if (t.start() >= cursor) {
                to = k;
                break;
            }
        }
        List<String> before = new ArrayList<>();
        List<Token> statement = new ArrayList<>();
        for (int k = from; k < to; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.SPACE || t.kind() == Kind.COMMENT) continue;
            statement.add(t);
            if (t.end() <= partialStart) {
                String w = t.text(text);
                before.add(t.kind() == Kind.WORD ? w.toUpperCase(Locale.ROOT) : w);
            }
        }
        String qualifier = null;
        int b = statement.size() - 1;
        while (b >= 0 && statement.get(b).end() > partialStart) b--;
        if (b >= 1 && statement.get(b).end() == partialStart && text.charAt(statement.get(b).start()) == '.'
                && statement.get(b).kind() == Kind.PUNCTUATION
                && statement.get(b - 1).end() == statement.get(b).start()
                && (statement.get(b - 1).kind() == Kind.WORD || statement.get(b - 1).kind() == Kind.QUOTED_IDENTIFIER)) {
            qualifier = statement.get(b - 1).text(text);
            // the x. of x.partial is part of what is typed, not a previous word
            before = before.subList(0, Math.max(0, before.size() - 2));
        }
        return new StatementContext(text, partialStart, partial, qualifier, before,
                mentions(text, statement, partialStart), inLiteral);
    }

    /** Relations after FROM, JOIN, UPDATE, INTO, TABLE (and each one of a FROM list), with any alias. */
    private static List<Mention> mentions(String text, List<Token> statement, int partialStart) {
        Map<String, Mention> found = new LinkedHashMap<>();
        boolean inFrom = false;
        for (int k = 0; k < statement.size(); k++) {
            Token t = statement.get(k);
            String w = t.kind() == Kind.WORD ? t.text(text).toUpperCase(Locale.ROOT) : t.text(text);
            boolean slot = t.kind() == Kind.WORD && RELATION_SLOTS.contains(w);
            if (w.equals("FROM")) inFrom = true;
            else if (t.kind() == Kind.WORD && AFTER_FROM.contains(w)) inFrom = false;
            if (!(slot || (inFrom && w.equals(",")))) continue;
            int n = k + 1;
            if (n < statement.size() && statement.get(n).kind() == Kind.WORD
                    && statement.get(n).text(text).equalsIgnoreCase("ONLY")) n++;
            if (n >= statement.size() || !isName(statement.get(n))) continue;
            if (statement.get(n).start() == partialStart) continue;    // the word being typed is not a mention yet
            StringBuilder name = new StringBuilder(statement.get(n).text(text));
            while (n + 2 < statement.size() && text.charAt(statement.get(n + 1).start()) == '.'
                    && statement.get(n + 1).kind() == Kind.PUNCTUATION && isName(statement.get(n + 2))) {
                name.append('.').append(statement.get(n + 2).text(text));
                n += 2;
            }
            if (SqlKeywords.endsRelation(name.toString()) && statement.get(n).kind() == Kind.WORD) continue;
            String alias = null;
            int a = n + 1;
            if (a < statement.size() && statement.get(a).text(text).equalsIgnoreCase("AS")) a++;
            if (a < statement.size() && isName(statement.get(a)) && !(statement.get(a).kind() == Kind.WORD && SqlKeywords.endsRelation(statement.get(a).text(text)))
                    && statement.get(a).start() != partialStart) {
                alias = statement.get(a).text(text);
            }
            found.putIfAbsent(name.toString(), new Mention(name.toString(), alias));
        }
        return List.copyOf(found.values());
    }

    private static boolean isName(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENTIFIER;
    }

    /** The previous word or punctuation (upper-cased words), or "" at the start of the statement. */
    String previous(int back) {
        int k = before.size() - back;
        return k >= 0 ? before.get(k) : "";
    }

    boolean atStatementStart() { return before.isEmpty() && qualifier == null; }

    /** The last clause word before the cursor: SELECT, FROM, WHERE, SET, BY, ON, ... or "". */
    String clause() {
        for (int k = before.size() - 1; k >= 0; k--) {
            if (CLAUSES.contains(before.get(k))) return before.get(k);
        }
        return "";
    }
}
