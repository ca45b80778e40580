package org.shardprep.e2e;

import org.shardprep.TestFiles;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * sslmode and passwords against a real server that has SSL on (certificates made here with openssl) and a
 * role that must give a scram password: the ways psql users connect to Azure and to their own servers.
 */
class AuthIT {

    private static Path dir;
    private static EmbeddedPostgres server;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        dir = TestFiles.directory("authit");
        openssl("req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=test-ca", "-keyout", "ca.key", "-out", "ca.crt");
        openssl("req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=other-ca", "-keyout", "other.key", "-out", "other.crt");
        openssl("req", "-new", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key", "-out", "server.csr");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2", "-out", "server.crt");
        Files.setPosixFilePermissions(dir.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("data"))
                .setCleanDataDirectory(true)
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", dir.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", dir.resolve("server.key").toString())
                .start();
        port = server.getPort();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role secure login password 'sekret'");
            s.execute("create database secured owner secure");
        }
        // the role must authenticate with scram over TCP; everything else stays trusted
        Path hba = dir.resolve("data/pg_hba.conf");
        Files.writeString(hba, "host all secure 127.0.0.1/32 scram-sha-256\nhost all secure ::1/128 scram-sha-256\n"
                + Files.readString(hba));
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) server.close();
    }

    private static String conn(String more) {
        return "host=localhost port=" + port + " dbname=postgres user=postgres " + more;
    }

    @Test
    void sslmodeRequireGivesAnEncryptedSession() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "\\conninfo", conn("sslmode=require"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("SSL connection (protocol: TLSv1.");
    }

    @Test
    void verifyFullChecksTheCertificateChainAndName() {
        JarRun.Result ok = JarRun.shardprep(null, "-At", "-c", "select ssl from pg_stat_ssl where pid = pg_backend_pid()",
                conn("sslmode=verify-full sslrootcert=" + dir.resolve("ca.crt")));
        assertThat(ok.err()).isEmpty();
        assertThat(ok.out()).isEqualTo("t\n");

        JarRun.Result wrongCa = JarRun.shardprep(null, "-c", "select 1",
                conn("sslmode=verify-full sslrootcert=" + dir.resolve("other.crt")));
        assertThat(wrongCa.exitCode()).isEqualTo(2);
        assertThat(wrongCa.err()).startsWith("shardprep: error: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(wrongCa.err()).contains("SSL error: certificate verify failed");
        assertThat(wrongCa.err().lines()).hasSize(1);

        // the certificate names "localhost": verify-full to 127.0.0.1 must refuse, verify-ca accepts
        String byAddress = "host=127.0.0.1 port=" + port + " dbname=postgres user=postgres sslrootcert=" + dir.resolve("ca.crt");
        JarRun.Result wrongName = JarRun.shardprep(null, "-c", "select 1", byAddress + " sslmode=verify-full");
        assertThat(wrongName.exitCode()).isEqualTo(2);
        assertThat(wrongName.err()).contains("SSL error").doesNotContain("Exception");
        JarRun.Result caOnly = JarRun.shardprep(null, "-At", "-c", "select 1", byAddress + " sslmode=verify-ca");
        assertThat(caOnly.out()).isEqualTo("1\n");
    }

    @Test
    void sslmodeDisableStaysPlain() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "\\conninfo", conn("sslmode=disable"));
        assertThat(r.out()).doesNotContain("SSL connection");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void uriFormWithSslmode() {
        JarRun.Result r = JarRun.shardprep(null, "-At", "-c", "select current_user",
                "postgresql://postgres@localhost:" + port + "/postgres?sslmode=require");
        assertThat(r.out()).isEqualTo("postgres\n");
    }

    @Test
    void missingPasswordWithoutATerminalFailsWithOneLine() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "select 1", "host=localhost port=" + port + " dbname=secured user=secure");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("shardprep: error: ").contains("password").doesNotContain("Exception");
    }

    @Test
    void passwordFromPgpasswordAndFromPgpass() throws IOException {
        List<String> cmd = List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "-At", "-c", "select current_user",
                "host=localhost port=" + port + " dbname=secured user=secure");
        JarRun.Result env = JarRun.run(cmd, null, Map.of("PGPASSWORD", "sekret"));
        assertThat(env.out()).isEqualTo("secure\n");

        Path home = TestFiles.directory("home");
        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, "localhost:" + port + ":secured:secure:sekret\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        JarRun.Result file = JarRun.run(cmd, null, Map.of("HOME", home.toString()));
        assertThat(file.out()).isEqualTo("secure\n");
    }

    @Test
    void passwordPromptWithoutEchoWhenTheServerAsks() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "-At", "-c", "select current_user",
                "host=localhost port=" + port + " dbname=secured user=secure")) {
            screen.await("Password for user secure: ");
            screen.type("sekret\r");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).contains("secure").doesNotContain("sekret");
        }
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl " + String.join(" ", args)).isZero();
    }
}
