package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnInfoParserTest {

    private static void assertError(String conninfo, String message) {
        assertThatThrownBy(() -> ConnInfoParser.parse(conninfo))
                .isInstanceOf(ConnInfoException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"host=x", "dbname=db", "a=", "postgresql://", "postgres://h/db", "postgresql:///db"})
    void recognizesConnectionStrings(String arg) {
        assertThat(ConnInfoParser.looksLikeConnInfo(arg)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mydb", "host x", "postgresql:/x", "postgresq://x", "jdbc:postgresql://h/db", ""})
    void plainDatabaseNames(String arg) {
        assertThat(ConnInfoParser.looksLikeConnInfo(arg)).isFalse();
    }

    @Test
    void nullIsNotConnInfo() {
        assertThat(ConnInfoParser.looksLikeConnInfo(null)).isFalse();
    }

    @Test
    void azureExample() {
        assertThat(ConnInfoParser.parse(
                "host=c.x.postgres.database.azure.com port=5432 dbname=citus user=citus password=secret sslmode=require"))
                .containsExactly(entry("host", "c.x.postgres.database.azure.com"), entry("port", "5432"),
                        entry("dbname", "citus"), entry("user", "citus"), entry("password", "secret"),
                        entry("sslmode", "require"));
    }

    @Test
    void spacesAroundEquals() {
        assertThat(ConnInfoParser.parse("  host = h \t dbname=\n d  "))
                .containsExactly(entry("host", "h"), entry("dbname", "d"));
    }

    @Test
    void singleQuotesAllowSpacesAndEmptyValues() {
        assertThat(ConnInfoParser.parse("password='my secret' options='-c search_path=a' host=''"))
                .containsExactly(entry("password", "my secret"), entry("options", "-c search_path=a"),
                        entry("host", ""));
    }

    @Test
    void backslashEscapesInQuotedAndUnquotedValues() {
        assertThat(ConnInfoParser.parse("password='it\\'s' host=a\\ b dbname=x\\\\y user='a\\\\'"))
                .containsExactly(entry("password", "it's"), entry("host", "a b"), entry("dbname", "x\\y"),
                        entry("user", "a\\"));
    }

    @Test
    void quotedValueMayBeFollowedDirectlyByNextKeyword() {
        assertThat(ConnInfoParser.parse("host='h'port=1")).containsExactly(entry("host", "h"), entry("port", "1"));
    }

    @Test
    void valueAfterEqualsSkipsWhitespaceSoEmptyUnquotedValueTakesNextWord() {
        // libpq: "host= dbname=x" sets host to "dbname=x" (verified with psql 15).
        assertThat(ConnInfoParser.parse("host= dbname=postgres")).containsExactly(entry("host", "dbname=postgres"));
    }

    @Test
    void emptyValueAtEnd() {
        assertThat(ConnInfoParser.parse("host=")).containsExactly(entry("host", ""));
    }

    @Test
    void lastOccurrenceWins() {
        assertThat(ConnInfoParser.parse("host=a host=b")).containsExactly(entry("host", "b"));
    }

    @Test
    void equalsSignInsideValue() {
        assertThat(ConnInfoParser.parse("options=-csearch_path=x")).containsEntry("options", "-csearch_path=x");
    }

    @Test
    void emptyString() {
        assertThat(ConnInfoParser.parse("  ")).isEmpty();
    }

    @Test
    void requiresslIsRewrittenToSslmode() {
        assertThat(ConnInfoParser.parse("requiressl=1")).containsExactly(entry("sslmode", "require"));
        assertThat(ConnInfoParser.parse("requiressl=0")).containsExactly(entry("sslmode", "prefer"));
    }

    @Test
    void unknownKeyword() {
        assertError("host=x foo=bar", "invalid connection option \"foo\"");
    }

    @Test
    void quotedKeywordIsNotAKeyword() {
        assertError("'host'=x", "invalid connection option \"'host'\"");
    }

    @Test
    void emptyKeyword() {
        assertError("=x", "invalid connection option \"\"");
    }

    @Test
    void missingEquals() {
        assertError("host", "missing \"=\" after \"host\" in connection info string");
        assertError("user=postgres x", "missing \"=\" after \"x\" in connection info string");
        assertError("host x=1", "missing \"=\" after \"host\" in connection info string");
    }

    @Test
    void doubledQuoteIsNotAnEscape() {
        // psql 15: dbname= 'post''gres' -> missing "=" after "'gres'"
        assertError("dbname= 'post''gres'", "missing \"=\" after \"'gres'\" in connection info string");
    }

    @Test
    void unterminatedQuote() {
        assertError("host='127.0.0.1", "unterminated quoted string in connection info string");
        assertError("host='abc\\'", "unterminated quoted string in connection info string");
    }

    @Test
    void sslmodeValidated() {
        assertError("sslmode=bogus", "invalid sslmode value: \"bogus\"");
        assertError("sslmode=", "invalid sslmode value: \"\"");
        for (String mode : new String[] {"disable", "allow", "prefer", "require", "verify-ca", "verify-full"}) {
            assertThat(ConnInfoParser.parse("sslmode=" + mode)).containsEntry("sslmode", mode);
        }
    }

    @Test
    void targetSessionAttrsValidated() {
        assertError("target_session_attrs=foo", "invalid target_session_attrs value: \"foo\"");
        assertThat(ConnInfoParser.parse("target_session_attrs=read-write"))
                .containsEntry("target_session_attrs", "read-write");
    }

    @Test
    void allLibpqKeywordsAccepted() {
        for (String k : LibpqKeywords.keywords()) {
            String value = k.equals("sslmode") ? "prefer" : k.equals("target_session_attrs") ? "any" : "v";
            assertThat(ConnInfoParser.parse(k + "=" + value)).containsEntry(k, value);
        }
    }

    @Test
    void fullUri() {
        assertThat(ConnInfoParser.parse("postgresql://user:pw@host:5432/db?sslmode=require"))
                .containsExactly(entry("user", "user"), entry("password", "pw"), entry("host", "host"),
                        entry("port", "5432"), entry("dbname", "db"), entry("sslmode", "require"));
    }

    @Test
    void postgresScheme() {
        assertThat(ConnInfoParser.parse("postgres://h/db")).containsExactly(entry("host", "h"), entry("dbname", "db"));
    }

    @Test
    void bareSchemeSetsNothing() {
        assertThat(ConnInfoParser.parse("postgresql://")).isEmpty();
    }

    @Test
    void emptyHostMeansDefault() {
        assertThat(ConnInfoParser.parse("postgresql:///mydb")).containsExactly(entry("dbname", "mydb"));
    }

    @Test
    void emptyPathSetsNoDatabase() {
        assertThat(ConnInfoParser.parse("postgresql://h/")).containsExactly(entry("host", "h"));
        assertThat(ConnInfoParser.parse("postgresql://h/?port=1")).containsExactly(entry("host", "h"), entry("port", "1"));
    }

    @Test
    void userWithoutPassword() {
        assertThat(ConnInfoParser.parse("postgresql://u@h")).containsExactly(entry("user", "u"), entry("host", "h"));
    }

    @Test
    void emptyUserAndPasswordAreNotSet() {
        assertThat(ConnInfoParser.parse("postgresql://:@h")).containsExactly(entry("host", "h"));
        assertThat(ConnInfoParser.parse("postgresql://@h")).containsExactly(entry("host", "h"));
    }

    @Test
    void passwordRunsToAtSoColonsStayInIt() {
        assertThat(ConnInfoParser.parse("postgresql://u:a:b@h")).containsEntry("password", "a:b");
    }

    @Test
    void atAfterSlashIsNotCredentials() {
        assertThat(ConnInfoParser.parse("postgresql://h/db@x")).containsExactly(entry("host", "h"), entry("dbname", "db@x"));
    }

    @Test
    void percentDecoding() {
        assertThat(ConnInfoParser.parse(
                "postgresql://us%40er:p%40ss%2Fw%3Ard@%31%32%37.0.0.1/my%20db?application_name=x%20y&options=-c%20a%3Db"))
                .containsExactly(entry("user", "us@er"), entry("password", "p@ss/w:rd"), entry("host", "127.0.0.1"),
                        entry("dbname", "my db"), entry("application_name", "x y"), entry("options", "-c a=b"));
    }

    @Test
    void percentDecodingIsUtf8AndKeepsPlus() {
        assertThat(ConnInfoParser.parse("postgresql://h/caf%C3%A9+x")).containsEntry("dbname", "café+x");
    }

    @Test
    void socketDirectoryAsEncodedHost() {
        assertThat(ConnInfoParser.parse("postgresql://%2Fvar%2Frun%2Fpostgresql/db"))
                .containsEntry("host", "/var/run/postgresql");
    }

    @Test
    void socketDirectoryAsQueryParameter() {
        assertThat(ConnInfoParser.parse("postgresql:///db?host=/tmp"))
                .containsExactly(entry("dbname", "db"), entry("host", "/tmp"));
    }

    @Test
    void badPercentEncoding() {
        assertError("postgresql://h/post%zzgres", "invalid percent-encoded token: \"post%zzgres\"");
        assertError("postgresql://h/db%4", "invalid percent-encoded token: \"db%4\"");
        assertError("postgresql://h/post%00gres", "forbidden value %00 in percent-encoded value: \"post%00gres\"");
    }

    @Test
    void ipv6() {
        assertThat(ConnInfoParser.parse("postgresql://[::1]:5433/db"))
                .containsExactly(entry("host", "::1"), entry("port", "5433"), entry("dbname", "db"));
        assertThat(ConnInfoParser.parse("postgresql://u@[2001:db8::1]"))
                .containsExactly(entry("user", "u"), entry("host", "2001:db8::1"));
    }

    @Test
    void ipv6Errors() {
        assertError("postgresql://postgres@[::1/postgres",
                "end of string reached when looking for matching \"]\" in IPv6 host address in URI: "
                        + "\"postgresql://postgres@[::1/postgres\"");
        assertError("postgresql://postgres@[]/postgres",
                "IPv6 host address may not be empty in URI: \"postgresql://postgres@[]/postgres\"");
        assertError("postgresql://postgres@[::1]x/postgres",
                "unexpected character \"x\" at position 28 in URI (expected \":\" or \"/\"): "
                        + "\"postgresql://postgres@[::1]x/postgres\"");
    }

    @Test
    void multipleHosts() {
        assertThat(ConnInfoParser.parse("postgresql://host1:5432,host2:5433,[::1]:5434/db"))
                .containsEntry("host", "host1,host2,::1").containsEntry("port", "5432,5433,5434");
    }

    @Test
    void multipleHostsWithSomePortsMissingKeepPositions() {
        // psql 15 stores port ",5432,5432" for this URI.
        assertThat(ConnInfoParser.parse("postgresql://a,b:5432,[::1]:5432/db"))
                .containsEntry("host", "a,b,::1").containsEntry("port", ",5432,5432");
        assertThat(ConnInfoParser.parse("postgresql://a:1,b/db"))
                .containsEntry("host", "a,b").containsEntry("port", "1,");
    }

    @Test
    void emptyPort() {
        assertThat(ConnInfoParser.parse("postgresql://h:/db")).containsExactly(entry("host", "h"), entry("dbname", "db"));
    }

    @Test
    void queryWithoutPath() {
        assertThat(ConnInfoParser.parse("postgresql://h?user=u&port=6"))
                .containsExactly(entry("host", "h"), entry("user", "u"), entry("port", "6"));
    }

    @Test
    void queryOverridesEarlierParts() {
        assertThat(ConnInfoParser.parse("postgresql://h/db?dbname=other&host=h2"))
                .containsEntry("dbname", "other").containsEntry("host", "h2");
    }

    @Test
    void sslTrueMeansRequire() {
        assertThat(ConnInfoParser.parse("postgresql://h/db?ssl=true")).containsEntry("sslmode", "require");
        assertThat(ConnInfoParser.parse("postgresql://h/db?requiressl=1")).containsEntry("sslmode", "require");
    }

    @Test
    void sslOtherThanTrueIsInvalid() {
        assertError("postgresql://h/db?ssl=false", "invalid URI query parameter: \"ssl\"");
    }

    @Test
    void queryErrors() {
        assertError("postgresql://h/db?x=1", "invalid URI query parameter: \"x\"");
        assertError("postgresql://h/db?a=b=c", "extra key/value separator \"=\" in URI query parameter: \"a\"");
        assertError("postgresql://h/db?abc", "missing key/value separator \"=\" in URI query parameter: \"abc\"");
        assertError("postgresql://h/db?sslmode=bogus", "invalid sslmode value: \"bogus\"");
    }

    @Test
    void emptyQueryAndEmptyValue() {
        assertThat(ConnInfoParser.parse("postgresql://h/db?")).containsExactly(entry("host", "h"), entry("dbname", "db"));
        assertThat(ConnInfoParser.parse("postgresql://h/?dbname=")).containsEntry("dbname", "");
    }

    @Test
    void resultIsMutableCopy() {
        Map<String, String> m = ConnInfoParser.parse("postgresql://h");
        m.put("x", "y");
        assertThat(m).containsEntry("x", "y");
    }
}
