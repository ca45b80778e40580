package org.shardprep.shell.meta;

import org.shardprep.shell.copy.ChildProcessStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import static org.assertj.core.api.Assertions.assertThat;

class SlashCopyCommandTest {

    @Test
    void pathsCanonicalizedAsPsqlReportsThem() {
        assertThat(SlashCopyCommand.canonicalize("./nope.csv")).isEqualTo("nope.csv");
        assertThat(SlashCopyCommand.canonicalize("sub/../nope.csv")).isEqualTo("nope.csv");
        assertThat(SlashCopyCommand.canonicalize("sub//nope.csv/")).isEqualTo("sub/nope.csv");
        assertThat(SlashCopyCommand.canonicalize(".")).isEqualTo(".");
        assertThat(SlashCopyCommand.canonicalize("/tmp/x")).isEqualTo("/tmp/x");
    }

    @Test
    void strerrorWords() {
        assertThat(SlashCopyCommand.reason(new NoSuchFileException("x"))).isEqualTo("No such file or directory");
        assertThat(SlashCopyCommand.reason(new AccessDeniedException("x"))).isEqualTo("Permission denied");
        assertThat(SlashCopyCommand.reason(new FileSystemException("x", null, "Is a directory"))).isEqualTo("Is a directory");
        assertThat(SlashCopyCommand.reason(new IOException("Cannot run program \"sh\": error=2, No such file or directory")))
                .isEqualTo("No such file or directory");
    }

    @Test
    void childStatusInLibpqWords() {
        assertThat(ChildProcessStatus.describe(0)).isNull();
        assertThat(ChildProcessStatus.describe(1)).isEqualTo("child process exited with exit code 1");
        assertThat(ChildProcessStatus.describe(127)).isEqualTo("command not found");
        assertThat(ChildProcessStatus.describe(126)).isEqualTo("command not executable");
        assertThat(ChildProcessStatus.describe(128 + 9)).isEqualTo("child process was terminated by signal 9: Killed");
        assertThat(ChildProcessStatus.describe(128 + 13)).isEqualTo("child process was terminated by signal 13: Broken pipe");
    }
}
