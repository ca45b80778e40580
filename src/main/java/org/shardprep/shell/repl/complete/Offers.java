package org.shardprep.shell.repl.complete;

import org.jline.reader.Candidate;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The candidates for one TAB. JLine matches a candidate against the whole word its parser saw ("t.na",
 * "a,na"), so each offered name is put behind the part of that word that is not being completed ({@code lead}).
 * Names are filtered here already, case-insensitively as unquoted SQL identifiers are.
 */
final class Offers {

    private final String lead;
    private final String partial;
    private final List<Candidate> out;
    private final KeywordCase keywordCase;
    private final Set<String> seen = new HashSet<>();

    private boolean insideOpenQuote;

    Offers(String lead, String partial, List<Candidate> out, KeywordCase keywordCase) {
        this.lead = lead;
        this.partial = partial;
        this.out = out;
        this.keywordCase = keywordCase;
    }

    /**
     * The word was opened with a quote JLine's parser took off (TAB after {@code "Od}): JLine puts the quotes
     * back around what is inserted, so a quoted name goes in without its own.
     */
    Offers insideOpenQuote() {
        insideOpenQuote = true;
        return this;
    }

    String partial() { return partial; }

    boolean matches(String name) {
        if (name.regionMatches(true, 0, partial, 0, partial.length())) return true;
        // an unquoted prefix also finds a quoted name: odd -> "Odd Name"
        return !partial.startsWith("\"") && name.startsWith("\"")
                && name.regionMatches(true, 1, partial, 0, partial.length());
    }

    /** A finished word: JLine adds a space after it. */
    void add(String name) { add(name, true); }

    /** {@code complete} false for a prefix of more to type (schema., directory/, function(). */
    void add(String name, boolean complete) {
        if (!matches(name) || !seen.add(name)) return;
        String value = insideOpenQuote && name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
        out.add(new Candidate(lead + value, name, null, null, null, null, complete));
    }

    void addAll(Collection<String> names) {
        for (String n : names) add(n);
    }

    /** SQL keywords, in the case COMP_KEYWORD_CASE gives them after what is typed. */
    void addKeywords(Collection<String> keywords) {
        for (String k : keywords) add(keywordCase.apply(k, partial));
    }

    boolean isEmpty() { return out.isEmpty(); }
}
