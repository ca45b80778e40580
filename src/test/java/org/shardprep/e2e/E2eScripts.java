package org.shardprep.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The end-to-end scripts and the output variants each is checked in. */
final class E2eScripts {

    static final Path DIR = Path.of("src", "test", "resources", "e2e");

    /** A small data set in the exercise's data.zip layout (its counts: ExpectedCounts for the sample). */
    static final Path SAMPLE_ZIP = DIR.resolve("exercise-data.zip").toAbsolutePath();

    static final List<String> SCRIPTS = List.of("basics", "exercise_schema", "large", "on_error_stop", "script_commands", "conditionals",
            "formats", "meta_commands", "variables", "combined_queries");

    /** Variant name -> extra flags. */
    static final List<List<String>> VARIANTS = List.of(
            List.of("aligned"),
            List.of("unaligned", "-At"),
            List.of("csv", "--csv"),
            List.of("expanded", "-x"),
            List.of("echo", "-a"),
            List.of("queries", "-e"),
            List.of("quiet", "-q"),
            List.of("fieldsep", "-A", "-F", ",", "-R", ";"),
            List.of("stop", "-v", "ON_ERROR_STOP=1"),
            List.of("vars", "-v", "feature=on", "-v", "level=2"));

    private E2eScripts() {}

    /** A fresh database of the tests' server with the sample loaded by load-all; its conninfo. */
    static String loadedSample(String name) {
        String db = org.shardprep.TestServer.freshDatabase(name);
        JarRun.Result r = JarRun.shardprep(null, "-q", "-c", "load-all --from " + SAMPLE_ZIP, db);
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).as(r.err()).isZero();
        return db;
    }

    /** A shardprep command that must fail with exactly this on stderr and status 1. */
    static void assertCommandError(String db, String command, String err) {
        JarRun.Result r = JarRun.shardprep(null, "-c", command, db);
        org.assertj.core.api.Assertions.assertThat(r.err()).isEqualTo(err);
        org.assertj.core.api.Assertions.assertThat(r.exitCode()).isEqualTo(1);
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String s : SCRIPTS) {
            for (List<String> v : VARIANTS) {
                if (!wanted(s, v.get(0))) continue;
                all.add(Arguments.of(s, v.get(0), v.subList(1, v.size())));
            }
        }
        return all.stream();
    }

    /**
     * The big result only in two formats; the script-commands script changes formats itself; the conditionals
     * script with and without the variables its \if tests; the formats script sets every format itself, and is
     * checked with and without the messages of its \pset commands; the variables script (psql's special variables
     * and the ones it sets after a statement) with and without command tags; the combined-queries script (statements
     * sent as typed, \; in one message) with echo, with errors stopping and without tags.
     */
    private static boolean wanted(String script, String variant) {
        if (script.equals("combined_queries")) return List.of("aligned", "echo", "queries", "quiet", "stop").contains(variant);
        if (script.equals("meta_commands")) return List.of("aligned", "echo", "queries", "quiet", "stop").contains(variant);
        if (script.equals("formats")) return variant.equals("aligned") || variant.equals("quiet");
        if (script.equals("variables")) return variant.equals("aligned") || variant.equals("quiet");
        if (script.equals("large")) return variant.equals("aligned") || variant.equals("csv");
        if (script.equals("script_commands")) return variant.equals("aligned") || variant.equals("stop");
        if (script.equals("conditionals")) return List.of("aligned", "stop", "echo", "vars").contains(variant);
        return !variant.equals("vars");   // the variables the conditionals script tests
    }

    /** psql and shardprep name themselves in script messages; the rest must be identical. */
    static String normalize(String output) {
        return output.replaceAll("(?m)^psql:", "shardprep:");
    }

    static String databaseFor(String script, String variant, String tool) {
        return ("e2e_" + script + "_" + variant + "_" + tool).toLowerCase();
    }
}
