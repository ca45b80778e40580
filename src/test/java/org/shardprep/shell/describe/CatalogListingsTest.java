package org.shardprep.shell.describe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listings' catalog queries are psql 15's, text for text (so a server error points at the same place): each
 * command of describe/psql15_queries.txt, whose queries psql 15 printed under ECHO_HIDDEN, builds the same query
 * here, for a PostgreSQL 15 server as the one they were taken from.
 */
class CatalogListingsTest {

    @Test
    void queriesAreThoseOfPsql15() throws Exception {
        Map<String, String> expected = psql15Queries();
        assertThat(expected).hasSizeGreaterThan(30);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(query(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void secondPatternsAndArgumentTypesAreReadOnlyAfterAFirst() {
        assertThat(CatalogListings.argumentsRead("dA", List.of("foo", "bar"))).isEqualTo(1);
        assertThat(CatalogListings.argumentsRead("dA+", List.of("foo", "bar"))).isEqualTo(1);
        assertThat(CatalogListings.argumentsRead("dAc", List.of("brin", "oid*", "x"))).isEqualTo(2);
        assertThat(CatalogListings.argumentsRead("df", List.of("f", "int", "text", "-"))).isEqualTo(4);
        assertThat(CatalogListings.argumentsRead("do", List.of("-", "int4", "int4", "int8"))).isEqualTo(4);
        assertThat(CatalogListings.argumentsRead("dT", List.of("a", "b"))).isEqualTo(1);
        assertThat(CatalogListings.argumentsRead("df", List.of())).isZero();
    }

    @Test
    void grammarTypeNamesMapToCanonicalOnes() {
        assertThat(TypePatterns.canonical("int")).isEqualTo("integer");
        assertThat(TypePatterns.canonical("FLOAT")).isEqualTo("double precision");
        assertThat(TypePatterns.canonical("varchar[]")).isEqualTo("character varying[]");
        assertThat(TypePatterns.canonical("int4")).isEqualTo("int4");
        assertThat(TypePatterns.canonical(null)).isNull();
    }

    /** The command's query, its arguments split at spaces (none of the file's has a quoted space). */
    private static String query(String command) throws DescribeException {
        List<String> words = new ArrayList<>(Arrays.asList(command.substring(1).split(" ")));
        String name = words.remove(0);
        String pattern = words.isEmpty() ? null : words.get(0);
        int read = CatalogListings.argumentsRead(name, words);
        List<String> more = words.subList(Math.min(1, read), read);
        if (name.startsWith("df")) {
            return new DescribeQueries("regression", false, false).functions(name.substring(2), pattern, more,
                    name.contains("+"), name.contains("S"));
        }
        return CatalogListings.of(name, pattern, more, "regression", 150000).sql();
    }

    private static Map<String, String> psql15Queries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (InputStream in = CatalogListingsTest.class.getResourceAsStream("/describe/psql15_queries.txt")) {
            String command = null;
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#")) continue;
                if (line.startsWith("== ")) {
                    if (command != null) queries.put(command, sql.toString().replaceAll("\n+$", ""));
                    command = line.substring(3);
                    sql.setLength(0);
                } else if (command != null) {
                    if (!sql.isEmpty()) sql.append('\n');
                    sql.append(line);
                }
            }
            if (command != null) queries.put(command, sql.toString().replaceAll("\n+$", ""));
        }
        return queries;
    }
}
