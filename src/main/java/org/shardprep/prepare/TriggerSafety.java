package org.shardprep.prepare;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a trigger is safe on a table Citus distributes (citus.enable_unsafe_triggers runs it on the shards,
 * where any other table it touches is not what it was): safe when it fires BEFORE, FOR EACH ROW, and its
 * function only sets columns of NEW (pagila's last_updated; the built-in tsvector_update_trigger). A function
 * that reads or writes tables, runs dynamic SQL, notifies, or uses sequences is not.
 */
final class TriggerSafety {

    private TriggerSafety() {}

    /** Built-in trigger functions that only compute a column of the row being written. */
    private static final Set<String> ROW_ONLY_BUILTINS = Set.of("tsvector_update_trigger", "tsvector_update_trigger_column");

    private static final Pattern TOUCHES_DATA = Pattern.compile(
            "\\b(SELECT|INSERT|UPDATE|DELETE|MERGE|PERFORM|EXECUTE|COPY|NOTIFY|LOCK|TRUNCATE|CALL|NEXTVAL|SETVAL|CURRVAL|DBLINK\\w*|PG_NOTIFY)\\b");

    /** Why the trigger is not safe, or empty when it is. */
    static Optional<String> whyUnsafe(SchemaGraph.Trigger t) {
        if (!t.before()) return Optional.of("it fires AFTER (or INSTEAD OF) the change and may act on other rows");
        if (!t.row()) return Optional.of("it fires once per statement");
        String function = t.function().replaceFirst("^.*\\.", "");
        if (t.language().equals("internal") || t.language().equals("c")) {
            return ROW_ONLY_BUILTINS.contains(function) ? Optional.empty()
                    : Optional.of("its function " + t.function() + " is built in and not known to touch only its row");
        }
        if (!t.language().equals("plpgsql")) return Optional.of("its function is written in " + t.language() + ", which shardprep cannot read");
        String body = t.source().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").toUpperCase(Locale.ROOT);
        Matcher m = TOUCHES_DATA.matcher(body.replaceAll("'(?:[^']|'')*'", "''"));
        if (m.find()) return Optional.of("its function uses " + m.group(1) + ", so it may touch other rows or tables");
        return Optional.empty();
    }
}
