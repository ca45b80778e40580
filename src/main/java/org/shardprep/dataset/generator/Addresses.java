package org.shardprep.dataset.generator;

import java.io.IOException;

/**
 * Street addresses like {@code "4821 Maple Ave., Springfield, OR"}, written piece by piece into the CSV
 * buffer (always quoted: they hold commas) so no String is built per order.
 */
final class Addresses {

    private static final byte[][] STREETS = escapedAll(
            " Main", " Maple", " Oak", " Pine", " Cedar", " Elm", " Walnut", " Willow", " Lake", " Hill", " Park", " Sunset",
            " River", " Spring", " Church", " Highland", " Meadow", " Forest", " Ridge", " Cherry", " Washington", " Lincoln",
            " Jefferson", " Franklin", " Chestnut", " Birch", " Mill", " Orchard", " Harbor", " Valley");
    private static final byte[][] STREET_TYPES = escapedAll(
            " St.", " Ave.", " Rd.", " Blvd.", " Ln.", " Dr.", " Way", " Ct.", " Pl.", " Ter.");
    private static final byte[][] TOWNS = escapedAll(
            ", Springfield, OR", ", Portland, OR", ", Seattle, WA", ", Tacoma, WA", ", Boise, ID", ", Austin, TX",
            ", Denver, CO", ", Madison, WI", ", Columbus, OH", ", Raleigh, NC", ", Atlanta, GA", ", Phoenix, AZ",
            ", Salt Lake City, UT", ", Omaha, NE", ", Albany, NY", ", Burlington, VT", ", Savannah, GA",
            ", Fresno, CA", ", San José, CA", ", Anchorage, AK");
    private static final byte[] UNIT = CsvWriter.escaped(" Apt. ");

    private Addresses() {}

    /**
     * Writes the address that {@code key} (one random long) stands for: each part comes from its own bits,
     * so writing the same key again repeats the address (a shipping address "same as billing").
     */
    static void write(CsvWriter out, long key) throws IOException {
        out.openQuoted();
        out.appendDigits(1 + below(key, 0, 9_999));
        out.append(STREETS[below(key, 16, STREETS.length)]);
        out.append(STREET_TYPES[below(key, 24, STREET_TYPES.length)]);
        if (below(key, 32, 5) == 0) {
            out.append(UNIT);
            out.appendDigits(1 + below(key, 40, 400));
        }
        out.append(TOWNS[below(key, 48, TOWNS.length)]);
        out.closeQuoted();
    }

    /** A number in [0, bound) from the 16 bits of {@code key} at {@code shift}. */
    private static int below(long key, int shift, int bound) {
        return (int) (((key >>> shift) & 0xFFFF) * bound >>> 16);
    }

    private static byte[][] escapedAll(String... values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = CsvWriter.escaped(values[i]);
        }
        return bytes;
    }
}
