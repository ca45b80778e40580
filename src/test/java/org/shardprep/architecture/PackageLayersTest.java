package org.shardprep.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layers ARCHITECTURE.md draws, checked on the sources: no package of shardprep depends on another that
 * depends back on it (no cycles), and the features see commands only through {@code org.shardprep.command}.
 */
class PackageLayersTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package (org\\.shardprep[\\w.]*);");
    private static final Pattern USE = Pattern.compile("\\b(org\\.shardprep(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");
    private static final List<String> FEATURES = List.of("dataset", "workload", "schedule", "migrate", "walkthrough", "prepare");

    /** package -> the shardprep packages its sources name (imports and qualified names). */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pm = PACKAGE.matcher(text);
                if (!pm.find()) continue;
                String pkg = pm.group(1);
                Set<String> used = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(text);
                while (m.find()) if (!m.group(1).equals(pkg)) used.add(m.group(1));
            }
        }
        deps.values().forEach(s -> s.retainAll(deps.keySet()));
        return deps;
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            List<String> path = pathBack(deps, start);
            if (path != null) cycles.add(String.join(" -> ", path));
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void featuresSeeTheShellOnlyThroughTheCommandContext() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        List<String> wrong = new ArrayList<>();
        deps.forEach((pkg, used) -> {
            if (FEATURES.stream().noneMatch(f -> pkg.equals("org.shardprep." + f) || pkg.startsWith("org.shardprep." + f + "."))) return;
            for (String u : used) if (u.equals("org.shardprep.shell") || u.startsWith("org.shardprep.shell.")) wrong.add(pkg + " uses " + u);
        });
        assertThat(wrong).isEmpty();
    }

    /** A way from the start's dependencies back to the start, or null. */
    private static List<String> pathBack(Map<String, Set<String>> deps, String start) {
        Deque<List<String>> todo = new ArrayDeque<>();
        Set<String> seen = new TreeSet<>();
        for (String d : deps.getOrDefault(start, Set.of())) todo.add(List.of(start, d));
        while (!todo.isEmpty()) {
            List<String> p = todo.poll();
            String last = p.get(p.size() - 1);
            if (last.equals(start)) return p;
            if (!seen.add(last)) continue;
            for (String d : deps.getOrDefault(last, Set.of())) {
                List<String> next = new ArrayList<>(p);
                next.add(d);
                todo.add(next);
            }
        }
        return null;
    }
}
