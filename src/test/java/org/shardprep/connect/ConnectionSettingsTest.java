package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static ConnectionSettings settings(List<HostPort> hosts) {
        return new ConnectionSettings(hosts, "citus", "citus", "secret", "require", null, null, null, null,
                null, null, null, null, null);
    }

    private static ConnectionSettings tcp(String host, int port) {
        return settings(List.of(new HostPort(host, port)));
    }

    @Test
    void singleHostUrlAndProperties() {
        ConnectionSettings s = tcp("c.x.postgres.database.azure.com", 5432);
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://c.x.postgres.database.azure.com:5432/citus");
        Properties p = s.jdbcProperties();
        assertThat(p).containsEntry("user", "citus").containsEntry("password", "secret")
                .containsEntry("sslmode", "require").containsEntry("ApplicationName", "shardprep")
                .containsEntry("targetServerType", "any")
                .doesNotContainKeys("connectTimeout", "options", "sslrootcert", "sslcert", "sslkey",
                        "socketFactory", "socketFactoryArg");
    }

    @Test
    void multiHostUrlWithIpv6() {
        ConnectionSettings s = settings(List.of(new HostPort("h1", 5432), new HostPort("h2", 5433),
                new HostPort("::1", 5434)));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433,[::1]:5434/citus");
    }

    @Test
    void hostaddrIsWhatPgjdbcConnectsTo() {
        assertThat(settings(List.of(new HostPort("db.example", "10.0.0.1", 5432))).jdbcUrl())
                .isEqualTo("jdbc:postgresql://10.0.0.1:5432/citus");
    }

    @Test
    void databaseNameIsEncodedForPgjdbc() {
        assertThat(tcp("h", 1).withDatabase("my db+x/é").jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:1/my+db%2Bx%2F%C3%A9");
    }

    @Test
    void noPasswordMeansNoProperty() {
        assertThat(tcp("h", 1).withPassword(null).jdbcProperties()).doesNotContainKey("password");
    }

    @Test
    void allOptionalProperties() {
        ConnectionSettings s = new ConnectionSettings(List.of(new HostPort("h", 1)), "d", "u", null, "verify-full",
                "/root.crt", "/client.crt", "/client.pk8", "kp", "myapp", "1", "-c search_path=x",
                "prefer-standby", "svc");
        assertThat(s.jdbcProperties())
                .containsEntry("sslmode", "verify-full").containsEntry("sslrootcert", "/root.crt")
                .containsEntry("sslcert", "/client.crt").containsEntry("sslkey", "/client.pk8")
                .containsEntry("sslpassword", "kp").containsEntry("ApplicationName", "myapp")
                .containsEntry("connectTimeout", "2") // libpq raises 1 second to 2
                .containsEntry("options", "-c search_path=x").containsEntry("targetServerType", "preferSecondary");
    }

    @Test
    void connectTimeoutZeroOrNegativeWaitsForever() {
        for (String t : new String[] {"0", "-5"}) {
            ConnectionSettings s = new ConnectionSettings(List.of(new HostPort("h", 1)), "d", "u", null, null,
                    null, null, null, null, null, t, null, null, null);
            assertThat(s.jdbcProperties()).containsEntry("connectTimeout", "0");
        }
    }

    @Test
    void targetSessionAttrsMapping() {
        String[][] cases = {{"any", "any"}, {"read-write", "primary"}, {"read-only", "secondary"},
            {"primary", "primary"}, {"standby", "secondary"}, {"prefer-standby", "preferSecondary"}};
        for (String[] c : cases) {
            ConnectionSettings s = new ConnectionSettings(List.of(new HostPort("h", 1)), "d", "u", null, null,
                    null, null, null, null, null, null, null, c[0], null);
            assertThat(s.jdbcProperties().getProperty("targetServerType")).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void unixSocketUsesJunixsocketAndNoSsl() {
        ConnectionSettings s = settings(List.of(new HostPort("/var/run/postgresql", 5433)));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/citus");
        assertThat(s.jdbcProperties())
                .containsEntry("socketFactory", "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg")
                .containsEntry("socketFactoryArg", "/var/run/postgresql/.s.PGSQL.5433")
                .containsEntry("sslmode", "disable"); // libpq never uses SSL over a socket
    }

    @Test
    void socketFactoryClassExists() throws ClassNotFoundException {
        Class.forName(ConnectionSettings.UNIX_SOCKET_FACTORY);
    }

    @Test
    void socketEntriesAfterTcpHostsAreDropped() {
        ConnectionSettings s = settings(List.of(new HostPort("h", 1), new HostPort("/tmp", 5432)));
        assertThat(s.jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/citus");
        assertThat(s.jdbcProperties()).doesNotContainKey("socketFactory");
    }

    @Test
    void describeLikePsqlConninfo() {
        assertThat(tcp("h", 5432).describe())
                .isEqualTo("You are connected to database \"citus\" as user \"citus\" on host \"h\" at port \"5432\".");
        assertThat(tcp("h", 5432).describe(new HostPort("h", 5432), "1.2.3.4")).isEqualTo(
                "You are connected to database \"citus\" as user \"citus\" on host \"h\" (address \"1.2.3.4\") at port \"5432\".");
        assertThat(tcp("127.0.0.1", 5432).describe(new HostPort("127.0.0.1", 5432), "127.0.0.1")).isEqualTo(
                "You are connected to database \"citus\" as user \"citus\" on host \"127.0.0.1\" at port \"5432\".");
        assertThat(settings(List.of(new HostPort("/var/run/postgresql", 5432))).describe()).isEqualTo(
                "You are connected to database \"citus\" as user \"citus\" via socket in \"/var/run/postgresql\" at port \"5432\".");
        // Verified with psql 15: host=localhost hostaddr=127.0.0.1
        assertThat(settings(List.of(new HostPort("localhost", "127.0.0.1", 5432))).describe()).isEqualTo(
                "You are connected to database \"citus\" as user \"citus\" on host \"localhost\" (address \"127.0.0.1\") at port \"5432\".");
    }

    @Test
    void withersKeepEverythingElse() {
        ConnectionSettings s = tcp("h", 1);
        assertThat(s.withPassword("x").password()).isEqualTo("x");
        assertThat(s.withUser("other").user()).isEqualTo("other");
        assertThat(s.withDatabase("db2").dbname()).isEqualTo("db2");
        assertThat(s.withDatabase("db2").withUser("u2").withPassword(null))
                .isEqualTo(new ConnectionSettings(s.hosts(), "db2", "u2", null, "require", null, null, null, null,
                        null, null, null, null, null));
    }

    @Test
    void toStringHidesPassword() {
        assertThat(tcp("h", 1).toString()).doesNotContain("secret").contains("****");
    }
}
