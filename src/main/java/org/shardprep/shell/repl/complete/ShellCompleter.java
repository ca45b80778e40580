package org.shardprep.shell.repl.complete;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.shardprep.command.CommandRegistry;
import org.shardprep.shell.meta.MetaCommandCatalog;
import org.shardprep.shell.repl.complete.SqlTokens.Kind;
import org.shardprep.shell.repl.complete.SqlTokens.Token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * TAB at the shardprep prompt: backslash commands and their arguments, our own commands and their options at
 * the start of a line, and SQL (keywords, relations, columns, functions, schemas) everywhere else. A failure
 * here completes nothing; it never reaches the user.
 */
public final class ShellCompleter implements Completer {

    private final CatalogNames catalog;
    private final SqlCompletion sql;
    private final ShellCommandCompletion commands;
    private final FileNames files;
    private final Supplier<Collection<String>> variableNames;
    private final Supplier<KeywordCase> keywordCase;

    /**
     * @param catalog          names from the database
     * @param commands         our commands, their subcommands and options
     * @param variableNames    psql variables set so far, for the set and unset commands
     * @param keywordCase      COMP_KEYWORD_CASE as it is at each TAB
     * @param workingDirectory where relative file names start
     */
    public ShellCompleter(CatalogNames catalog, CommandRegistry commands, Supplier<Collection<String>> variableNames,
                          Supplier<KeywordCase> keywordCase, Supplier<Path> workingDirectory) {
        this.catalog = catalog;
        this.sql = new SqlCompletion(catalog);
        this.commands = new ShellCommandCompletion(commands);
        this.files = new FileNames(workingDirectory);
        this.variableNames = variableNames;
        this.keywordCase = keywordCase;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            complete(line, candidates);
        } catch (RuntimeException | StackOverflowError e) {
            candidates.clear();   // completion is a convenience: on any failure, offer nothing
        }
    }

    private void complete(ParsedLine line, List<Candidate> candidates) {
        String text = line.line();
        int cursor = Math.min(line.cursor(), text.length());
        String word = line.word() == null ? "" : line.word();
        String typed = word.substring(0, Math.max(0, Math.min(line.wordCursor(), word.length())));
        List<Token> tokens = SqlTokens.of(text);
        boolean openQuote = openQuote(line, text, cursor, typed);
        KeywordCase kc = keywordCase.get();

        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.kind() == Kind.META_COMMAND && t.start() < cursor && cursor <= t.end()) {
                new Offers("", typed, candidates, kc).addAll(MetaCommandCatalog.PSQL.workingNames());
                return;
            }
            boolean argsOfPrevious = t.kind() == Kind.META_ARGUMENTS && t.start() < cursor && cursor <= t.end();
            if (argsOfPrevious) {
                metaArguments(tokens.get(k - 1).text(text), text.substring(t.start(), cursor), typed, openQuote, kc,
                        candidates);
                return;
            }
        }

        String beforeWord = text.substring(0, Math.max(0, cursor - typed.length()));
        if (beforeWord.isBlank()) {
            Offers offers = new Offers("", typed, candidates, kc);
            commands.commandNames(offers);
            StatementContext at = StatementContext.at(text, cursor);
            if (at.partial.equals(typed)) sql.complete(at, offers);
            return;
        }
        String firstWord = firstWord(text);
        if (!text.contains("\n") && !firstWord.isEmpty() && commands.isCommand(firstWord)) {
            List<String> before = new ArrayList<>();
            for (String w : line.words().subList(0, Math.min(line.wordIndex(), line.words().size()))) {
                if (!w.isEmpty()) before.add(w);
            }
            commands.arguments(before, new Offers("", typed, candidates, kc));
            return;
        }
        StatementContext at = StatementContext.at(text, cursor);
        // the identifier being completed is the end of the parser's word; the rest of that word stays as it is
        String own = openQuote && at.partial.startsWith("\"") ? at.partial.substring(1) : at.partial;
        String lead = typed.endsWith(own) ? typed.substring(0, typed.length() - own.length()) : "";
        Offers offers = new Offers(lead, at.partial, candidates, kc);
        if (openQuote) offers.insideOpenQuote();
        sql.complete(at, offers);
    }

    /** True when JLine's parser took an opening quote off the word being completed ("Od -> Od). */
    private static boolean openQuote(ParsedLine line, String text, int cursor, String typed) {
        if (!(line instanceof CompletingParsedLine c)) return false;
        int rawStart = cursor - c.rawWordCursor();
        if (rawStart < 0 || rawStart >= text.length()) return false;
        char first = text.charAt(rawStart);
        return (first == '"' || first == '\'') && !typed.startsWith(String.valueOf(first));
    }

    /** \d sto, \i src/te, \copy stores from da ... */
    private void metaArguments(String command, String argumentText, String typed, boolean openQuote, KeywordCase kc,
                               List<Candidate> candidates) {
        MetaCommandCatalog.Entry entry = MetaCommandCatalog.PSQL.find(command.substring(1));
        if (entry == null || !entry.works()) return;
        String[] words = argumentText.strip().isEmpty() ? new String[0] : argumentText.strip().split("\\s+");
        int index = argumentText.endsWith(" ") || argumentText.endsWith("\t") ? words.length : Math.max(0, words.length - 1);
        Offers offers = new Offers("", typed, candidates, kc);
        if (openQuote) offers.insideOpenQuote();
        switch (entry.completion()) {
            case RELATION -> {
                if (index == 0) relationNames(entry.relationKinds(), offers);
            }
            case FILE, DIRECTORY -> {
                if (index == 0) files.complete(typed, offers, entry.completion() == MetaCommandCatalog.Completion.DIRECTORY);
            }
            case COPY -> copyArguments(words, index, typed, offers);
            case SCHEMA -> offers.addAll(catalog.schemas());
            case FUNCTION -> offers.addAll(catalog.functions());
            case DATABASE -> {
                if (index == 0) offers.addAll(catalog.databases());
            }
            case VARIABLE -> {
                if (index == 0) {
                    offers.addAll(variableNames.get());
                    offers.addAll(MetaCommandNames.SPECIAL_VARIABLES);
                }
            }
            case ON_OFF_AUTO -> offers.addAll(List.of("on", "off", "auto"));
            case ON_OFF -> offers.addAll(List.of("on", "off"));
            case PSET_OPTION -> {
                if (index == 0) offers.addAll(MetaCommandNames.PSET_OPTIONS);
                else if (index == 1) offers.addAll(MetaCommandNames.psetValues(words[0]));
            }
            case ENCODING -> offers.addAll(MetaCommandNames.ENCODINGS);
            case SQL_COMMAND -> {
                if (index == 0) for (String s : SqlKeywords.STATEMENT_STARTERS) offers.add(s.split(" ")[0]);
            }
            case NONE -> { }
        }
    }

    /** \copy TABLE [(cols)] FROM|TO FILE [WITH ...]. */
    private void copyArguments(String[] words, int index, String typed, Offers offers) {
        if (index == 0) {
            relationNames("rpvmf", offers);
            return;
        }
        String previous = words.length >= index ? words[index - 1].toLowerCase(Locale.ROOT) : "";
        if (previous.equals("from") || previous.equals("to")) {
            files.complete(typed, offers, false);
            offers.addAll(previous.equals("from") ? List.of("stdin", "pstdin") : List.of("stdout", "pstdout"));
        } else {
            offers.addKeywords(List.of("FROM", "TO", "WITH", "CSV", "HEADER", "DELIMITER", "NULL", "BINARY", "FORMAT"));
        }
    }

    /** Relation names as \d wants them: the visible ones unqualified, every one qualified once a '.' is typed. */
    private void relationNames(String kinds, Offers offers) {
        boolean qualified = offers.partial().contains(".");
        for (CatalogNames.Relation r : catalog.relations()) {
            if (kinds.indexOf(r.kind()) < 0) continue;
            if (r.schema().equals("pg_catalog") && !offers.partial().startsWith("pg_")) continue;
            if (qualified || !r.visible()) offers.add(r.schema() + "." + r.name());
            else offers.add(r.name());
        }
        if (!qualified) {
            for (String s : catalog.schemas()) {
                if (!s.startsWith("pg_") && !s.equals("information_schema")) offers.add(s + ".", false);
            }
        }
    }

    private static String firstWord(String text) {
        String s = text.stripLeading();
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) i++;
        return s.substring(0, i);
    }
}
