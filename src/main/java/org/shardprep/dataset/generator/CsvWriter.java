package org.shardprep.dataset.generator;

import org.shardprep.dataset.DatasetTable;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one CSV file (RFC 4180, as PostgreSQL's COPY ... WITH CSV reads it) straight into a 1 MB byte buffer:
 * numbers, money and timestamps are formatted digit by digit, so the hot loops allocate nothing per row.
 * A field is either written whole ({@link #integer}, {@link #text} ...) or built from pieces between
 * {@link #openQuoted} and {@link #closeQuoted}; pieces must already be {@link #escaped}.
 */
public final class CsvWriter implements Closeable {

    static final int BUFFER_SIZE = 1 << 20;

    private static final byte[] TWO_DIGITS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
            TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private final DatasetTable table;
    private final GenerationProgress progress;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final byte[] digits = new byte[20];
    private int position;
    private boolean firstField = true;
    private long rowsSinceReport;
    private long bytesWritten;

    public CsvWriter(OutputStream out, DatasetTable table, GenerationProgress progress) {
        this.out = out;
        this.table = table;
        this.progress = progress;
    }

    /** Bytes of {@code value} ready to go between quotes: UTF-8, with each double quote doubled. */
    static byte[] escaped(String value) {
        return value.replace("\"", "\"\"").getBytes(StandardCharsets.UTF_8);
    }

    /** A text field, quoted only when it holds a comma, quote or line break (as PostgreSQL writes CSV). */
    public void text(String value) throws IOException {
        separate();
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        if (quote) {
            put((byte) '"');
            append(escaped(value));
            put((byte) '"');
        } else {
            append(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A field that is already fit to stand unquoted (no comma, quote or line break). */
    void plain(byte[] value) throws IOException {
        separate();
        append(value);
    }

    /** An empty unquoted field, which COPY ... CSV reads as NULL. */
    void nullField() throws IOException {
        separate();
    }

    public void integer(long value) throws IOException {
        separate();
        appendDigits(value);
    }

    /** An amount in cents as numeric text with exactly two decimals: 1999 -> 19.99. */
    public void money(long cents) throws IOException {
        separate();
        if (cents < 0) {
            put((byte) '-');
            cents = -cents;
        }
        appendDigits(cents / 100);
        ensure(3);
        int c = (int) (cents % 100);
        buffer[position++] = '.';
        buffer[position++] = TWO_DIGITS[2 * c];
        buffer[position++] = TWO_DIGITS[2 * c + 1];
    }

    /** A timestamp without time zone, {@code 2022-03-14 10:22:31}, from seconds since 1970-01-01 00:00:00. */
    void timestamp(long epochSecond) throws IOException {
        separate();
        long days = Math.floorDiv(epochSecond, 86_400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400);
        // Civil date from a day number (Howard Hinnant's days_from_civil, inverted): no LocalDateTime per row.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        appendDigits(year);
        ensure(15);
        buffer[position++] = '-';
        twoDigits(month);
        buffer[position++] = '-';
        twoDigits(day);
        buffer[position++] = ' ';
        twoDigits(secondOfDay / 3600);
        buffer[position++] = ':';
        twoDigits(secondOfDay / 60 % 60);
        buffer[position++] = ':';
        twoDigits(secondOfDay % 60);
    }

    void openQuoted() throws IOException {
        separate();
        put((byte) '"');
    }

    void closeQuoted() throws IOException {
        put((byte) '"');
    }

    /** Raw bytes inside the current field. */
    public void append(byte[] bytes) throws IOException {
        if (bytes.length > buffer.length - position) {
            flush();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                bytesWritten += bytes.length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** Decimal digits inside the current field. */
    void appendDigits(long value) throws IOException {
        ensure(20);
        if (value < 0) {
            buffer[position++] = '-';
            value = -value; // the generator never writes Long.MIN_VALUE
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
    }

    public void endRow() throws IOException {
        put((byte) '\n');
        firstField = true;
        rowsSinceReport++;
    }

    public long bytesWritten() {
        return bytesWritten + position;
    }

    private void separate() throws IOException {
        if (firstField) {
            firstField = false;
        } else {
            put((byte) ',');
        }
    }

    private void twoDigits(int value) {
        buffer[position++] = TWO_DIGITS[2 * value];
        buffer[position++] = TWO_DIGITS[2 * value + 1];
    }

    private void put(byte b) throws IOException {
        if (position == buffer.length) {
            flush();
        }
        buffer[position++] = b;
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.length - position < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, position);
        bytesWritten += position;
        progress.written(table, rowsSinceReport, position);
        position = 0;
        rowsSinceReport = 0;
    }

    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
