package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceFileTest {

    @TempDir
    Path tmp;

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static final String SAMPLE = """
            # comment
              [a]
            host=h1
            # inside comment

              user=u1  \r
            dbname=d=x
            [b]
            host=h2
            [abc]
            host=h3
            """;

    @Test
    void findsGroupTrimsLinesAndSplitsAtFirstEquals() throws IOException {
        ServiceFile f = new ServiceFile(write("s.conf", SAMPLE));
        assertThat(f.find("a")).hasValueSatisfying(m ->
                assertThat(m).containsExactly(entry("host", "h1"), entry("user", "u1"), entry("dbname", "d=x")));
        assertThat(f.find("b")).hasValueSatisfying(m -> assertThat(m).containsExactly(entry("host", "h2")));
    }

    @Test
    void groupNameMustMatchExactly() throws IOException {
        ServiceFile f = new ServiceFile(write("s.conf", SAMPLE));
        assertThat(f.find("ab")).isEmpty();
        assertThat(f.find("abc")).hasValueSatisfying(m -> assertThat(m).containsEntry("host", "h3"));
        assertThat(f.find("zz")).isEmpty();
    }

    @Test
    void emptyGroupIsFound() throws IOException {
        assertThat(new ServiceFile(write("s.conf", "[e]\n[f]\nhost=x\n")).find("e")).hasValue(Map.of());
    }

    @Test
    void firstSettingOfAKeyWins() throws IOException {
        assertThat(new ServiceFile(write("s.conf", "[a]\nhost=1\nhost=2\n")).find("a"))
                .hasValueSatisfying(m -> assertThat(m).containsEntry("host", "1"));
    }

    @Test
    void syntaxErrorsInTheGroupWithLineNumbers() throws IOException {
        Path p = write("s.conf", "[a]\nhost = x\n[b]\nbogus\n[c]\nfoo=bar\n[d]\nservice=a\n");
        ServiceFile f = new ServiceFile(p);
        assertThatThrownBy(() -> f.find("a")).isInstanceOf(ConnInfoException.class)
                .hasMessage("syntax error in service file \"" + p + "\", line 2");
        assertThatThrownBy(() -> f.find("b")).hasMessage("syntax error in service file \"" + p + "\", line 4");
        assertThatThrownBy(() -> f.find("c")).hasMessage("syntax error in service file \"" + p + "\", line 6");
        assertThatThrownBy(() -> f.find("d"))
                .hasMessage("nested service specifications not supported in service file \"" + p + "\", line 8");
    }

    @Test
    void errorsOutsideTheGroupAreIgnored() throws IOException {
        Path p = write("s.conf", "[bad]\nnonsense\n[good]\nport=1\n");
        assertThat(new ServiceFile(p).find("good")).hasValue(Map.of("port", "1"));
    }

    @Test
    void lookupUsesUserFileInHomeFirst() throws IOException {
        Path home = tmp.resolve("home");
        write("home/.pg_service.conf", "[a]\nhost=user\n");
        write("sys/pg_service.conf", "[a]\nhost=system\nport=5433\n[s]\nhost=sysonly\n");
        Map<String, String> env = Map.of("PGSYSCONFDIR", tmp.resolve("sys").toString());
        // Found in the user file: the system file is not consulted, not even for missing keys.
        assertThat(ServiceFile.lookup("a", env, home, tmp.resolve("none")))
                .containsExactly(entry("host", "user"));
        assertThat(ServiceFile.lookup("s", env, home, tmp.resolve("none")))
                .containsExactly(entry("host", "sysonly"));
    }

    @Test
    void pgServiceFileReplacesHomeFile() throws IOException {
        Path home = tmp.resolve("home");
        write("home/.pg_service.conf", "[a]\nhost=home\n");
        Path explicit = write("explicit.conf", "[a]\nhost=explicit\n");
        assertThat(ServiceFile.lookup("a", Map.of("PGSERVICEFILE", explicit.toString()), home, tmp))
                .containsEntry("host", "explicit");
    }

    @Test
    void missingExplicitServiceFileIsAnError() {
        Path missing = tmp.resolve("none.conf");
        assertThatThrownBy(() -> ServiceFile.lookup("a", Map.of("PGSERVICEFILE", missing.toString()), tmp, tmp))
                .isInstanceOf(ConnInfoException.class)
                .hasMessage("service file \"" + missing + "\" not found");
    }

    @Test
    void defaultSysconfDirUsedWithoutPgSysconfDir() throws IOException {
        write("etc/pg_service.conf", "[x]\ndbname=fromdefault\n");
        assertThat(ServiceFile.lookup("x", Map.of(), tmp.resolve("nohome"), tmp.resolve("etc")))
                .containsEntry("dbname", "fromdefault");
    }

    @Test
    void unknownServiceIsAnError() {
        Map<String, String> env = new HashMap<>();
        env.put("PGSYSCONFDIR", tmp.toString());
        assertThatThrownBy(() -> ServiceFile.lookup("zz", env, tmp, tmp))
                .isInstanceOf(ConnInfoException.class)
                .hasMessage("definition of service \"zz\" not found");
    }
}
