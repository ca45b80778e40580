package org.shardprep.shell.copy;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DecodingOutputStreamTest {

    @Test
    void characterSplitBetweenWritesComesOutWhole() throws Exception {
        byte[] bytes = "aé€😀\n".getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        DecodingOutputStream s = new DecodingOutputStream(out);
        for (byte b : bytes) s.write(b);
        s.flush();
        assertThat(out.toString()).isEqualTo("aé€😀\n");
    }
}
