package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs the error cases against a live PostgreSQL 15 through pgjdbc and checks that the formatted
 * real server messages equal the psql captures. Only runs when SHARDPREP_TEST_URL (a conninfo or URI, as
 * everywhere in the tests) names a PostgreSQL 15 server: the captures are of 15's messages.
 */
class MessageFormatterLiveTest {

    static Stream<String> names() {
        return ErrorFixtures.cases().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void realServerMessageMatchesPsql(String name) throws Exception {
        String url = System.getenv("SHARDPREP_TEST_URL");
        Assumptions.assumeTrue(url != null, "SHARDPREP_TEST_URL not set");
        ErrorFixtures.Case c = ErrorFixtures.cases().get(name);
        ServerErrorMessage sem = null;
        org.shardprep.connect.ConnectionSettings settings = new org.shardprep.connect.ConnectionSettingsResolver(w -> { })
                .resolve(org.shardprep.connect.ConnectionRequest.ofConnInfo(url), Map.of(), java.nio.file.Path.of("/nonexistent"));
        try (Connection conn = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
             Statement st = conn.createStatement()) {
            Assumptions.assumeTrue(conn.getMetaData().getDatabaseMajorVersion() == 15, "the captures are PostgreSQL 15's");
            try {
                st.execute(c.query());
                for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                    if (w instanceof PSQLWarning pw && pw.getServerErrorMessage() != null) {
                        sem = pw.getServerErrorMessage();
                    }
                }
            } catch (PSQLException e) {
                sem = e.getServerErrorMessage();
            }
        }
        assertThat(sem).as("server message").isNotNull();
        ServerMessage m = ServerMessage.from(sem);
        String actual = MessageFormatter.format(m, c.query(), c.verbosity(), c.showContext()) + "\n";
        String expected = PsqlFixtures.expected(name);
        // the temp schema name depends on the backend (capture.sh writes pg_temp_N)
        if (m.schema() != null && m.schema().startsWith("pg_temp_")) {
            actual = actual.replace("SCHEMA NAME:  " + m.schema(), "SCHEMA NAME:  pg_temp_N");
        }
        assertThat(actual).isEqualTo(expected);
        if (System.getenv("SHARDPREP_DUMP") != null) {
            System.out.println(name + " " + Map.of("pos", m.position(), "ipos", m.internalPosition(),
                    "file", String.valueOf(m.file()), "line", m.line(), "routine", String.valueOf(m.routine()),
                    "state", String.valueOf(m.sqlState()), "where", String.valueOf(m.where()),
                    "schema", String.valueOf(m.schema())));
        }
    }
}
