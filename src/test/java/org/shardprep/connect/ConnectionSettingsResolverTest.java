package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsResolverTest {

    @TempDir
    Path tmp;

    private Path home;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private ConnectionSettingsResolver resolver;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectory(tmp.resolve("home"));
        resolver = new ConnectionSettingsResolver("osuser", "/var/run/postgresql", "/var/run/postgresql",
                tmp.resolve("etc"), warnings::add);
    }

    private ConnectionSettings resolve(ConnectionRequest r) {
        return resolver.resolve(r, env, home);
    }

    private ConnectionSettings resolve(String conninfo) {
        return resolve(ConnectionRequest.ofConnInfo(conninfo));
    }

    private void writeServiceFile(String content) throws IOException {
        Files.writeString(home.resolve(".pg_service.conf"), content);
    }

    private void writePgpass(String content) throws IOException {
        Path p = home.resolve(".pgpass");
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    }

    // ---------------------------------------------------------------- defaults

    @Test
    void defaultsWithNothingGiven() {
        ConnectionSettings s = resolve(ConnectionRequest.EMPTY);
        assertThat(s.hosts()).containsExactly(new HostPort("/var/run/postgresql", 5432));
        assertThat(s.user()).isEqualTo("osuser");
        assertThat(s.dbname()).isEqualTo("osuser");
        assertThat(s.password()).isNull();
        assertThat(s.sslmode()).isEqualTo("prefer");
        assertThat(s.targetSessionAttrs()).isEqualTo("any");
        assertThat(s.applicationName()).isNull();
        assertThat(s.service()).isNull();
    }

    @Test
    void defaultHostIsLocalhostWithoutSocketDirectory() {
        ConnectionSettingsResolver r = new ConnectionSettingsResolver("me", "/var/run/postgresql", "localhost",
                tmp, null);
        assertThat(r.resolve(ConnectionRequest.EMPTY, env, home).hosts()).containsExactly(new HostPort("localhost", 5432));
    }

    @Test
    void databaseDefaultsToTheResolvedUser() {
        env.put("PGUSER", "envuser");
        assertThat(resolve(ConnectionRequest.EMPTY).dbname()).isEqualTo("envuser");
        assertThat(resolve("user=x").dbname()).isEqualTo("x");
    }

    // ---------------------------------------------------------------- command line

    @Test
    void optionsAndPositionals() {
        ConnectionRequest r = ConnectionRequest.fromCommandLine("h", "6000", null, null, List.of("db", "usr"), null);
        ConnectionSettings s = resolve(r);
        assertThat(s.hosts()).containsExactly(new HostPort("h", 6000));
        assertThat(s.dbname()).isEqualTo("db");
        assertThat(s.user()).isEqualTo("usr");
    }

    @Test
    void positionalRulesOfPsql() {
        List<String> ignored = new ArrayList<>();
        // -d given: the first positional is the user.
        assertThat(ConnectionRequest.fromCommandLine(null, null, null, "d", List.of("u"), ignored::add))
                .isEqualTo(new ConnectionRequest(null, null, "u", "d"));
        // -U given: the second positional is ignored with psql's warning.
        assertThat(ConnectionRequest.fromCommandLine(null, null, "U", null, List.of("db", "foo"), ignored::add))
                .isEqualTo(new ConnectionRequest(null, null, "U", "db"));
        assertThat(ignored).containsExactly("extra command-line argument \"foo\" ignored");
    }

    @Test
    void emptyOptionValuesAreIgnored() {
        env.put("PGHOST", "envhost");
        assertThat(resolve(new ConnectionRequest("", "", "", "")).hosts().get(0).host()).isEqualTo("envhost");
    }

    @Test
    void conninfoInDbnamePositionIsExpanded() {
        ConnectionSettings s = resolve("host=h port=7 dbname=d user=u password=p sslmode=require");
        assertThat(s.hosts()).containsExactly(new HostPort("h", 7));
        assertThat(s.dbname()).isEqualTo("d");
        assertThat(s.user()).isEqualTo("u");
        assertThat(s.password()).isEqualTo("p");
        assertThat(s.sslmode()).isEqualTo("require");
    }

    @Test
    void hostOptionAndConninfoBothApply() {
        // psql -h x "dbname=y"
        ConnectionSettings s = resolve(new ConnectionRequest("x", null, null, "dbname=y"));
        assertThat(s.hosts().get(0).host()).isEqualTo("x");
        assertThat(s.dbname()).isEqualTo("y");
    }

    @Test
    void conninfoBeatsHostPortUserOptions() {
        // psql -h nowhere -U nobody "host=127.0.0.1 user=postgres": libpq expands dbname last.
        ConnectionSettings s = resolve(new ConnectionRequest("nowhere", "1", "nobody",
                "host=127.0.0.1 user=postgres port=2"));
        assertThat(s.hosts()).containsExactly(new HostPort("127.0.0.1", 2));
        assertThat(s.user()).isEqualTo("postgres");
    }

    @Test
    void dashDMayBeAUri() {
        ConnectionRequest r = ConnectionRequest.fromCommandLine(null, null, null, "postgresql://u@h/db",
                List.of("ignoredUser"), null);
        ConnectionSettings s = resolve(r);
        assertThat(s.user()).isEqualTo("u"); // the URI's user overrides the positional one
        assertThat(s.dbname()).isEqualTo("db");
    }

    @Test
    void emptyValueInConninfoBlocksEnvironment() {
        // libpq keeps "host=''" as set, so PGHOST is not used and the default socket applies.
        env.put("PGHOST", "envhost");
        assertThat(resolve("host='' user=u").hosts().get(0).host()).isEqualTo("/var/run/postgresql");
    }

    @Test
    void emptyDatabaseInUriQueryMeansUserName() {
        env.put("PGDATABASE", "envdb");
        assertThat(resolve("postgresql://u@h/?dbname=").dbname()).isEqualTo("u");
        assertThat(resolve("postgresql://u@h/").dbname()).isEqualTo("envdb");
    }

    // ---------------------------------------------------------------- environment

    @Test
    void environmentVariables() {
        env.putAll(Map.of("PGHOST", "eh", "PGPORT", "5555", "PGUSER", "eu", "PGDATABASE", "ed",
                "PGPASSWORD", "ep", "PGSSLMODE", "verify-full", "PGAPPNAME", "app", "PGCONNECT_TIMEOUT", "9",
                "PGOPTIONS", "-c x=y", "PGTARGETSESSIONATTRS", "read-write"));
        env.putAll(Map.of("PGSSLROOTCERT", "/r.crt", "PGSSLCERT", "/c.crt", "PGSSLKEY", "/k.key"));
        ConnectionSettings s = resolve(ConnectionRequest.EMPTY);
        assertThat(s.hosts()).containsExactly(new HostPort("eh", 5555));
        assertThat(s.user()).isEqualTo("eu");
        assertThat(s.dbname()).isEqualTo("ed");
        assertThat(s.password()).isEqualTo("ep");
        assertThat(s.sslmode()).isEqualTo("verify-full");
        assertThat(s.applicationName()).isEqualTo("app");
        assertThat(s.connectTimeout()).isEqualTo("9");
        assertThat(s.options()).isEqualTo("-c x=y");
        assertThat(s.targetSessionAttrs()).isEqualTo("read-write");
        assertThat(s.sslrootcert()).isEqualTo("/r.crt");
        assertThat(s.sslcert()).isEqualTo("/c.crt");
        assertThat(s.sslkey()).isEqualTo("/k.key");
    }

    @Test
    void commandLineBeatsEnvironment() {
        env.putAll(Map.of("PGHOST", "eh", "PGUSER", "eu", "PGDATABASE", "ed", "PGPASSWORD", "ep"));
        ConnectionSettings s = resolve(new ConnectionRequest("ch", null, "cu", "password=cp"));
        assertThat(s.hosts().get(0).host()).isEqualTo("ch");
        assertThat(s.user()).isEqualTo("cu");
        assertThat(s.dbname()).isEqualTo("ed");
        assertThat(s.password()).isEqualTo("cp");
    }

    @Test
    void invalidSslmodeFromEnvironment() {
        env.put("PGSSLMODE", "bogus");
        assertThatThrownBy(() -> resolve(ConnectionRequest.EMPTY)).isInstanceOf(ConnInfoException.class)
                .hasMessage("invalid sslmode value: \"bogus\"");
    }

    @Test
    void invalidTargetSessionAttrsFromEnvironment() {
        env.put("PGTARGETSESSIONATTRS", "x");
        assertThatThrownBy(() -> resolve(ConnectionRequest.EMPTY))
                .hasMessage("invalid target_session_attrs value: \"x\"");
    }

    @Test
    void pgRequireSslWhenNoSslmode() {
        env.put("PGREQUIRESSL", "1");
        assertThat(resolve(ConnectionRequest.EMPTY).sslmode()).isEqualTo("require");
        env.put("PGSSLMODE", "disable");
        assertThat(resolve(ConnectionRequest.EMPTY).sslmode()).isEqualTo("disable");
    }

    // ---------------------------------------------------------------- service file

    @Test
    void serviceKeywordFillsUnsetValues() throws IOException {
        writeServiceFile("[svc]\nhost=sh\nport=6432\nuser=su\ndbname=sd\nsslmode=require\n");
        env.put("PGDATABASE", "envdb"); // service beats env
        ConnectionSettings s = resolve("service=svc dbname=cli");
        assertThat(s.hosts()).containsExactly(new HostPort("sh", 6432));
        assertThat(s.user()).isEqualTo("su");
        assertThat(s.dbname()).isEqualTo("cli"); // command line beats service
        assertThat(s.sslmode()).isEqualTo("require");
        assertThat(s.service()).isEqualTo("svc");
    }

    @Test
    void pgserviceVariable() throws IOException {
        writeServiceFile("[svc]\nhost=sh\n");
        env.put("PGSERVICE", "svc");
        env.put("PGHOST", "eh");
        env.put("PGPORT", "7777");
        ConnectionSettings s = resolve(ConnectionRequest.EMPTY);
        assertThat(s.hosts()).containsExactly(new HostPort("sh", 7777)); // service > env > default
        assertThat(s.service()).isEqualTo("svc");
    }

    @Test
    void serviceKeywordBeatsPgservice() throws IOException {
        writeServiceFile("[a]\nhost=ha\n[b]\nhost=hb\n");
        env.put("PGSERVICE", "a");
        assertThat(resolve("service=b").hosts().get(0).host()).isEqualTo("hb");
    }

    @Test
    void serviceFromPgServiceFileAndSystemFile() throws IOException {
        Path own = tmp.resolve("own.conf");
        Files.writeString(own, "[a]\nhost=own\n");
        Path sys = Files.createDirectory(tmp.resolve("sys"));
        Files.writeString(sys.resolve("pg_service.conf"), "[b]\nhost=sys\n");
        env.put("PGSERVICEFILE", own.toString());
        env.put("PGSYSCONFDIR", sys.toString());
        assertThat(resolve("service=a").hosts().get(0).host()).isEqualTo("own");
        assertThat(resolve("service=b").hosts().get(0).host()).isEqualTo("sys");
    }

    @Test
    void unknownService() {
        assertThatThrownBy(() -> resolve("service=nope")).isInstanceOf(ConnInfoException.class)
                .hasMessage("definition of service \"nope\" not found");
    }

    @Test
    void servicePasswordIsUsed() throws IOException {
        writeServiceFile("[svc]\npassword=spw\n");
        env.put("PGPASSWORD", "envpw");
        assertThat(resolve("service=svc").password()).isEqualTo("spw");
    }

    // ---------------------------------------------------------------- hosts and ports

    @Test
    void multipleHostsWithOnePort() {
        assertThat(resolve("host=a,b,c port=6000").hosts())
                .containsExactly(new HostPort("a", 6000), new HostPort("b", 6000), new HostPort("c", 6000));
    }

    @Test
    void multipleHostsWithPortsAndEmptyEntries() {
        assertThat(resolve("postgresql://a,b:5433,[::1]:5434/db").hosts())
                .containsExactly(new HostPort("a", 5432), new HostPort("b", 5433), new HostPort("::1", 5434));
        assertThat(resolve("host=,127.0.0.1 port=5433,5432").hosts())
                .containsExactly(new HostPort("/var/run/postgresql", 5433), new HostPort("127.0.0.1", 5432));
    }

    @Test
    void portCountMismatch() {
        assertThatThrownBy(() -> resolve("host=a,b,c port=1,2"))
                .hasMessage("could not match 2 port numbers to 3 hosts");
        assertThatThrownBy(() -> resolve("host=a port=5432,"))
                .hasMessage("could not match 2 port numbers to 1 hosts");
    }

    @Test
    void badPorts() {
        assertThatThrownBy(() -> resolve("port=abc")).isInstanceOf(ConnInfoException.class)
                .hasMessage("invalid integer value \"abc\" for connection option \"port\"");
        assertThatThrownBy(() -> resolve("port=99999")).hasMessage("invalid port number: \"99999\"");
        assertThat(resolve("port=' 5433 '").hosts().get(0).port()).isEqualTo(5433);
    }

    @Test
    void badConnectTimeout() {
        assertThatThrownBy(() -> resolve("connect_timeout=x"))
                .hasMessage("invalid integer value \"x\" for connection option \"connect_timeout\"");
    }

    @Test
    void hostaddr() {
        assertThat(resolve("host=db.example hostaddr=10.0.0.1").hosts())
                .containsExactly(new HostPort("db.example", "10.0.0.1", 5432));
        assertThat(resolve("hostaddr=10.0.0.1").hosts()).containsExactly(new HostPort("", "10.0.0.1", 5432));
        assertThatThrownBy(() -> resolve("host=a,b hostaddr=1.1.1.1"))
                .hasMessage("could not match 2 host names to 1 hostaddr values");
    }

    // ---------------------------------------------------------------- password file

    @Test
    void pgpassUsedWhenNoPassword() throws IOException {
        writePgpass("h:5432:db:u:frompgpass\n");
        assertThat(resolve("host=h dbname=db user=u").password()).isEqualTo("frompgpass");
    }

    @Test
    void pgpassNotUsedWhenPasswordKnown() throws IOException {
        writePgpass("*:*:*:*:frompgpass\n");
        assertThat(resolve("host=h password=given").password()).isEqualTo("given");
        env.put("PGPASSWORD", "envpw");
        assertThat(resolve("host=h").password()).isEqualTo("envpw");
    }

    @Test
    void pgpassConsultedWhenPasswordEmpty() throws IOException {
        writePgpass("*:*:*:*:frompgpass\n");
        assertThat(resolve("host=h password=''").password()).isEqualTo("frompgpass");
    }

    @Test
    void pgpassMatchesResolvedDefaults() throws IOException {
        // No host: the default socket directory counts as "localhost"; dbname defaults to the user.
        writePgpass("localhost:5432:osuser:osuser:sockpw\n");
        assertThat(resolve(ConnectionRequest.EMPTY).password()).isEqualTo("sockpw");
        assertThat(resolve("host=/var/run/postgresql").password()).isEqualTo("sockpw");
        assertThat(resolve("host=/tmp").password()).isNull();
    }

    @Test
    void otherSocketDirectoryMatchesLiterally() throws IOException {
        writePgpass("/tmp:5432:*:*:tmppw\n");
        assertThat(resolve("host=/tmp").password()).isEqualTo("tmppw");
    }

    @Test
    void pgpassfileVariableAndPassfileKeyword() throws IOException {
        Path a = tmp.resolve("a.pgpass");
        Path b = tmp.resolve("b.pgpass");
        for (Path p : List.of(a, b)) {
            Files.writeString(p, "*:*:*:*:" + p.getFileName() + "\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        env.put("PGPASSFILE", a.toString());
        assertThat(resolve("host=h").password()).isEqualTo("a.pgpass");
        assertThat(resolve("host=h passfile=" + b).password()).isEqualTo("b.pgpass");
    }

    @Test
    void pgpassWithOpenPermissionsWarnsAndIsIgnored() throws IOException {
        writePgpass("*:*:*:*:pw\n");
        Files.setPosixFilePermissions(home.resolve(".pgpass"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(resolve("host=h").password()).isNull();
        assertThat(warnings).singleElement().asString().contains("has group or world access");
    }

    @Test
    void pgpassUsesFirstHostOnly() throws IOException {
        writePgpass("b:5432:*:*:bpw\n");
        assertThat(resolve("host=a,b").password()).isNull();
        assertThat(resolve("host=b,a").password()).isEqualTo("bpw");
    }

    // ---------------------------------------------------------------- embedded-server decision

    @Test
    void hasAnyConnectionInfo() {
        assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(ConnectionRequest.EMPTY, Map.of())).isFalse();
        assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(ConnectionRequest.EMPTY,
                Map.of("PATH", "/bin", "PGPASSFILE", "/x", "PGHOST", ""))).isFalse();
        assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(null, Map.of())).isFalse();
        for (String var : List.of("PGHOST", "PGHOSTADDR", "PGPORT", "PGUSER", "PGDATABASE", "PGSERVICE",
                "PGPASSWORD", "PGSSLMODE", "PGTARGETSESSIONATTRS")) {
            assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(ConnectionRequest.EMPTY, Map.of(var, "x")))
                    .as(var).isTrue();
        }
        assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(new ConnectionRequest("h", null, null, null),
                Map.of())).isTrue();
        assertThat(ConnectionSettingsResolver.hasAnyConnectionInfo(ConnectionRequest.ofConnInfo("mydb"),
                Map.of())).isTrue();
    }
}
