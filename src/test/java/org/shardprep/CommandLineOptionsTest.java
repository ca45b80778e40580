package org.shardprep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineOptionsTest {

    @Test
    void clusteredFlagsAndAttachedArguments() {
        CommandLineOptions o = CommandLineOptions.parse(new String[] {"-At", "-cselect 1", "-F", ";", "-vON_ERROR_STOP=1"});
        assertThat(o.unaligned).isTrue();
        assertThat(o.tuplesOnly).isTrue();
        assertThat(o.actions).containsExactly(new CommandLineOptions.Action(CommandLineOptions.Action.Kind.COMMAND, "select 1"));
        assertThat(o.fieldSeparator).isEqualTo(";");
        assertThat(o.variables).containsEntry("ON_ERROR_STOP", "1");
    }

    @Test
    void commandsAndFilesKeepTheirOrder() {
        CommandLineOptions o = CommandLineOptions.parse(new String[] {"-f", "a.sql", "-c", "select 2", "--file=b.sql", "--command", "\\q"});
        assertThat(o.actions).extracting(CommandLineOptions.Action::value).containsExactly("a.sql", "select 2", "b.sql", "\\q");
        assertThat(o.hasActions()).isTrue();
    }

    @Test
    void connectionOptionsAndPositionals() {
        CommandLineOptions o = CommandLineOptions.parse(new String[] {"-h", "db.example", "-p5433", "-U", "citus", "citus", "other"});
        assertThat(o.host).isEqualTo("db.example");
        assertThat(o.port).isEqualTo("5433");
        assertThat(o.user).isEqualTo("citus");
        assertThat(o.positionals).containsExactly("citus", "other");
    }

    @Test
    void conninfoAsPositional() {
        String conninfo = "host=c.x.postgres.database.azure.com port=5432 dbname=citus user=citus password=secret sslmode=require";
        CommandLineOptions o = CommandLineOptions.parse(new String[] {conninfo});
        assertThat(o.positionals).containsExactly(conninfo);
    }

    @Test
    void longOptionsOfOurOwn() {
        CommandLineOptions o = CommandLineOptions.parse(new String[] {"--csv", "--embedded-dir", "/tmp/x", "-X", "-q"});
        assertThat(o.csv).isTrue();
        assertThat(o.embedded).isTrue();
        assertThat(o.embeddedDir).hasToString("/tmp/x");
        assertThat(o.quiet).isTrue();
    }

    @Test
    void unknownOptionsAreOneLineErrors() {
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--bogus"}))
                .isInstanceOf(CommandLineOptions.UsageException.class).hasMessage("unrecognized option '--bogus'");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"-Z"}))
                .hasMessage("invalid option -- 'Z'");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"-c"}))
                .hasMessage("option requires an argument -- 'c'");
        assertThatThrownBy(() -> CommandLineOptions.parse(new String[] {"--csv=x"}))
                .hasMessage("option '--csv' doesn't allow an argument");
    }

    @Test
    void doubleDashEndsOptions() {
        CommandLineOptions o = CommandLineOptions.parse(new String[] {"--", "-notanoption"});
        assertThat(o.positionals).containsExactly("-notanoption");
    }
}
