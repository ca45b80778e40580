package org.shardprep.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {

    @TempDir
    Path tmp;

    private final List<String> warnings = new ArrayList<>();

    private PgPassFile file(String content, String perms) throws IOException {
        Path p = tmp.resolve("pgpass");
        Files.writeString(p, content);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        return new PgPassFile(p, warnings::add);
    }

    private PgPassFile file(String content) throws IOException {
        return file(content, "rw-------");
    }

    @Test
    void exactMatch() throws IOException {
        PgPassFile f = file("h:5432:db:u:secret\n");
        assertThat(f.lookup("h", "5432", "db", "u")).hasValue("secret");
        assertThat(f.lookup("h", "5433", "db", "u")).isEmpty();
        assertThat(f.lookup("h", "5432", "db2", "u")).isEmpty();
        assertThat(f.lookup("h", "5432", "db", "u2")).isEmpty();
        assertThat(f.lookup("h2", "5432", "db", "u")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void fieldsMustMatchWholly() throws IOException {
        PgPassFile f = file("host:5432:db:user:pw\n");
        assertThat(f.lookup("hos", "5432", "db", "user")).isEmpty();
        assertThat(f.lookup("hostx", "5432", "db", "user")).isEmpty();
    }

    @Test
    void wildcards() throws IOException {
        PgPassFile f = file("*:*:*:*:any\n");
        assertThat(f.lookup("x", "1", "d", "u")).hasValue("any");
        PgPassFile g = file("h:*:*:u:hu\n*:*:db:*:db\n");
        assertThat(g.lookup("h", "9", "zz", "u")).hasValue("hu");
        assertThat(g.lookup("other", "9", "db", "u")).hasValue("db");
    }

    @Test
    void starInsideAFieldIsLiteral() throws IOException {
        PgPassFile f = file("h*:5432:db:u:pw\n");
        assertThat(f.lookup("hx", "5432", "db", "u")).isEmpty();
        assertThat(f.lookup("h*", "5432", "db", "u")).hasValue("pw");
    }

    @Test
    void firstMatchWins() throws IOException {
        PgPassFile f = file("h:5432:db:u:first\nh:5432:db:u:second\n*:*:*:*:third\n");
        assertThat(f.lookup("h", "5432", "db", "u")).hasValue("first");
    }

    @Test
    void commentsAndBlankLinesAndCrLf() throws IOException {
        PgPassFile f = file("# h:5432:db:u:commented\n\r\n\nh:5432:db:u:pw\r\n");
        assertThat(f.lookup("h", "5432", "db", "u")).hasValue("pw");
    }

    @Test
    void indentedHashIsNotAComment() throws IOException {
        PgPassFile f = file(" #h:5432:db:u:pw\n");
        assertThat(f.lookup(" #h", "5432", "db", "u")).hasValue("pw");
    }

    @Test
    void escapesInFieldsAndPassword() throws IOException {
        PgPassFile f = file("a\\:b:5432:d\\\\b:u:p\\:w\\\\d\\x\n");
        assertThat(f.lookup("a:b", "5432", "d\\b", "u")).hasValue("p:w\\dx");
    }

    @Test
    void passwordEndsAtUnescapedColon() throws IOException {
        // Verified with psql 15: "postg\res:extra" gives "postgres".
        PgPassFile f = file("h:5432:db:u:postg\\res:extra\n");
        assertThat(f.lookup("h", "5432", "db", "u")).hasValue("postgres");
    }

    @Test
    void lineWithTooFewFieldsNeverMatches() throws IOException {
        PgPassFile f = file("h:5432:db\nh:5432:db:u\n");
        assertThat(f.lookup("h", "5432", "db", "u")).isEmpty();
    }

    @Test
    void emptyPasswordField() throws IOException {
        assertThat(file("h:5432:db:u:\n").lookup("h", "5432", "db", "u")).hasValue("");
    }

    @Test
    void defaultsForMissingHostAndPort() throws IOException {
        PgPassFile f = file("localhost:5432:db:u:pw\n");
        assertThat(f.lookup(null, null, "db", "u")).hasValue("pw");
        assertThat(f.lookup("", "", "db", "u")).hasValue("pw");
    }

    @Test
    void groupOrWorldAccessIsRefusedWithLibpqWarning() throws IOException {
        for (String perms : new String[] {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-", "rw---x---"}) {
            warnings.clear();
            PgPassFile f = file("*:*:*:*:pw\n", perms);
            assertThat(f.lookup("h", "5432", "db", "u")).as(perms).isEmpty();
            assertThat(warnings).containsExactly("WARNING: password file \"" + f.path()
                    + "\" has group or world access; permissions should be u=rw (0600) or less");
        }
    }

    @Test
    void ownerOnlyReadIsFine() throws IOException {
        assertThat(file("*:*:*:*:pw\n", "r--------").lookup("h", "1", "d", "u")).hasValue("pw");
    }

    @Test
    void directoryIsNotAPlainFile() {
        PgPassFile f = new PgPassFile(tmp, warnings::add);
        assertThat(f.lookup("h", "5432", "db", "u")).isEmpty();
        assertThat(warnings).containsExactly("WARNING: password file \"" + tmp + "\" is not a plain file");
    }

    @Test
    void missingFileIsSilent() {
        assertThat(new PgPassFile(tmp.resolve("nope"), warnings::add).lookup("h", "1", "d", "u")).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void locate() {
        assertThat(PgPassFile.locate("/x/pass", tmp)).isEqualTo(Path.of("/x/pass"));
        assertThat(PgPassFile.locate(null, tmp)).isEqualTo(tmp.resolve(".pgpass"));
        assertThat(PgPassFile.locate("", tmp)).isEqualTo(tmp.resolve(".pgpass"));
    }
}
