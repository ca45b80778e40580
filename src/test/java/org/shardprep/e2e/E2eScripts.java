package org.shardprep.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/** The end-to-end scripts and the output variants each is checked in. */
final class E2eScripts {

    static final Path DIR = Path.of("src", "test", "resources", "e2e");

    static final List<String> SCRIPTS = List.of("basics", "exercise_schema", "large", "on_error_stop");

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
            List.of("stop", "-v", "ON_ERROR_STOP=1"));

    private E2eScripts() {}

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String s : SCRIPTS) {
            for (List<String> v : VARIANTS) {
                if (s.equals("large") && !(v.get(0).equals("aligned") || v.get(0).equals("csv"))) continue;
                all.add(Arguments.of(s, v.get(0), v.subList(1, v.size())));
            }
        }
        return all.stream();
    }

    /** psql and shardprep name themselves in script messages; the rest must be identical. */
    static String normalize(String output) {
        return output.replaceAll("(?m)^psql:", "shardprep:");
    }

    static String databaseFor(String script, String variant, String tool) {
        return ("e2e_" + script + "_" + variant + "_" + tool).toLowerCase();
    }
}
