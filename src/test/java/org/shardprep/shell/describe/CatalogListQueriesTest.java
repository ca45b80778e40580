package org.shardprep.shell.describe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalog lists send psql 15's queries text for text (so a server error points at the same place): each is
 * compared with what psql 15 -E showed for the same command on a PostgreSQL 15 (describe/psql15-catalog-queries.txt).
 */
class CatalogListQueriesTest {

    private final CatalogListQueries queries = new CatalogListQueries("postgres", 150020);

    @Test
    void queriesAreThoseOfPsql15() throws Exception {
        Map<String, String> expected = psqlQueries();
        assertThat(expected).hasSize(66);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(firstQuery(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void dottedNamesAreRefusedAsPsqlRefusesThem() {
        assertThatThrownBy(() -> queries.aggregates("a.b.c.d", false))
                .hasMessage("improper qualified name (too many dotted names): a.b.c.d");
        assertThatThrownBy(() -> queries.casts("other.pg_catalog.int8", false))
                .hasMessage("cross-database references are not implemented: other.pg_catalog.int8");
        // a name without a schema takes at most one dot, which must name the current database
        assertThatThrownBy(() -> queries.languages("postgres.plpgsql", false, false))
                .hasMessage("cross-database references are not implemented: postgres.plpgsql");
        assertThatThrownBy(() -> queries.tablespaces("postgres.pg_default", false))
                .hasMessage("improper qualified name (too many dotted names): postgres.pg_default");
    }

    @Test
    void collationsOnSixteenAndLaterAreListedAsPsql17ListsThem() throws DescribeException {
        String on17 = new CatalogListQueries("postgres", 170002).collations(null, false, false).sql();
        assertThat(on17).contains("c.colllocale AS \"Locale\"", "c.collicurules AS \"ICU Rules\"",
                "WHEN 'b' THEN 'builtin'").doesNotContain("colliculocale");
        String on16 = new CatalogListQueries("postgres", 160004).collations(null, false, false).sql();
        assertThat(on16).contains("c.colliculocale AS \"Locale\"", "c.collicurules AS \"ICU Rules\"");
    }

    /** The first query the command sends, as CatalogLists chooses it. */
    private String firstQuery(String command) throws DescribeException {
        List<String> words = new ArrayList<>(List.of(command.substring(1).split(" ")));
        String name = words.remove(0);
        String pattern = words.isEmpty() ? null : words.get(0);
        boolean verbose = name.contains("+");
        boolean system = name.contains("S");
        String base = name.replace("+", "").replace("S", "");
        return switch (base) {
            case "da" -> queries.aggregates(pattern, system).sql();
            case "db" -> queries.tablespaces(pattern, verbose).sql();
            case "dc" -> queries.conversions(pattern, verbose, system).sql();
            case "dC" -> queries.casts(pattern, verbose).sql();
            case "dd" -> queries.descriptions(pattern, system).sql();
            case "dD" -> queries.domains(pattern, verbose, system).sql();
            case "des" -> queries.foreignServers(pattern, verbose).sql();
            case "dew" -> queries.foreignDataWrappers(pattern, verbose).sql();
            case "det" -> queries.foreignTables(pattern, verbose).sql();
            case "deu" -> queries.userMappings(pattern, verbose).sql();
            case "dF" -> verbose ? queries.findTextSearchConfigs(pattern) : queries.textSearchConfigs(pattern).sql();
            case "dFd" -> queries.textSearchDictionaries(pattern, verbose).sql();
            case "dFp" -> verbose ? queries.findTextSearchParsers(pattern) : queries.textSearchParsers(pattern).sql();
            case "dFt" -> queries.textSearchTemplates(pattern, verbose).sql();
            case "dL" -> queries.languages(pattern, verbose, system).sql();
            case "dO" -> queries.collations(pattern, verbose, system).sql();
            case "drds" -> queries.roleSettings(pattern, words.size() > 1 ? words.get(1) : null).sql();
            case "dRp" -> verbose ? queries.findPublications(pattern) : queries.publications(pattern).sql();
            case "dRs" -> queries.subscriptions(pattern, verbose).sql();
            case "dX" -> queries.extendedStatistics(pattern).sql();
            case "dy" -> queries.eventTriggers(pattern, verbose).sql();
            case "dl", "lo_list" -> queries.largeObjects(verbose).sql();
            default -> throw new IllegalArgumentException(command);
        };
    }

    private static Map<String, String> psqlQueries() throws IOException {
        Map<String, String> queries = new LinkedHashMap<>();
        try (InputStream in = CatalogListQueriesTest.class.getResourceAsStream("/describe/psql15-catalog-queries.txt")) {
            String command = null;
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.startsWith("#")) continue;
                if (line.startsWith("=== ")) {
                    if (command != null) queries.put(command, withoutLastNewline(sql));
                    command = line.substring(4);
                    sql.setLength(0);
                } else if (command != null) {
                    sql.append(line).append('\n');
                }
            }
            if (command != null) queries.put(command, withoutLastNewline(sql));
        }
        return queries;
    }

    /** The file's last line ends in a newline of its own besides the query's. */
    private static String withoutLastNewline(StringBuilder sql) {
        String s = sql.toString();
        while (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
        return s;
    }
}
