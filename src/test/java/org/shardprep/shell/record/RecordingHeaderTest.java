package org.shardprep.shell.record;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingHeaderTest {

    private static final ZonedDateTime AT = ZonedDateTime.of(2025, 3, 14, 9, 26, 53, 0, ZoneOffset.ofHours(1));

    @Test
    void namesTheServerAndTheTimeInComments() {
        assertThat(RecordingHeader.lines("c.example.com", 5432, "citus", "citus", null, AT)).containsExactly(
                "-- shardprep record: started 2025-03-14 09:26:53 +01:00",
                "-- shardprep record: server host=c.example.com port=5432 dbname=citus user=citus",
                "-- shardprep record: run it with shardprep -f FILE, \\i FILE or replay FILE");
    }

    @Test
    void saysWhenTheServerIsTheEmbeddedOne() {
        assertThat(RecordingHeader.lines("localhost", 40123, "citus", "citus", "/home/u/.shardprep/embedded", AT).get(1))
                .isEqualTo("-- shardprep record: server host=localhost port=40123 dbname=citus user=citus"
                        + " (embedded PostgreSQL in /home/u/.shardprep/embedded)");
    }

    @Test
    void footerSaysHowItEnded() {
        assertThat(RecordingHeader.footer(AT, "stopped")).isEqualTo("-- shardprep record: stopped 2025-03-14 09:26:53 +01:00");
    }
}
