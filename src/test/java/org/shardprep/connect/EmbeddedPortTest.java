package org.shardprep.connect;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server's port: the data directory's own, and the fallback when something else holds it. */
class EmbeddedPortTest {

    @TempDir Path dir;

    @Test
    void aTakenPortFallsBackToTheNextFreeOneWhichIsRememberedFromThenOn() throws Exception {
        int own = EmbeddedPort.derived(dir);
        assertThat(own).isBetween(EmbeddedPort.FIRST, EmbeddedPort.FIRST + EmbeddedPort.RANGE - 1);
        assertThat(EmbeddedPort.derived(dir.resolve("."))).as("the same directory, the same port").isEqualTo(own);
        try (ServerSocket squatter = new ServerSocket(own, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedPort.Choice c = EmbeddedPort.choose(dir);
            assertThat(c.taken()).isEqualTo(own);
            assertThat(c.port()).isNotEqualTo(own);
            EmbeddedPort.remember(dir, c.port());
            assertThat(EmbeddedPort.remembered(dir)).isEqualTo(c.port());
        }
        // the remembered one wins over the derived one, now free again: the port stays what psql was told
        EmbeddedPort.Choice later = EmbeddedPort.choose(dir);
        assertThat(later.port()).isEqualTo(EmbeddedPort.remembered(dir));
        assertThat(later.taken()).isZero();
    }
}
