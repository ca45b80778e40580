package org.shardprep.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** VERSION_NUM is shardprep's version made into a number as PG_VERSION_NUM is, so that \if can compare it. */
class ShardprepHomeTest {

    @Test
    void versionNumber() {
        assertThat(ShardprepHome.versionNum("0.1.0")).isEqualTo("100");
        assertThat(ShardprepHome.versionNum("1.2.3")).isEqualTo("10203");
        assertThat(ShardprepHome.versionNum("2.0")).isEqualTo("20000");
        assertThat(ShardprepHome.versionNum("1.4.0-SNAPSHOT")).isEqualTo("10400");
    }
}
