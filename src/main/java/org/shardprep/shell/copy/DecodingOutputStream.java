package org.shardprep.shell.copy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** COPY data (UTF-8, the connection's encoding) onto the session's character output, a piece at a time. */
public final class DecodingOutputStream extends OutputStream {

    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    public DecodingOutputStream(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, pending.remaining());
            pending.put(b, off, n);
            off += n;
            len -= n;
            drain();
        }
    }

    /** Decodes what is complete; a character split between writes waits for its other bytes. */
    private void drain() throws IOException {
        pending.flip();
        while (true) {
            var result = decoder.decode(pending, chars, false);
            chars.flip();
            out.write(chars.array(), chars.position(), chars.remaining());
            chars.clear();
            if (result.isUnderflow()) break;
        }
        pending.compact();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }
}
