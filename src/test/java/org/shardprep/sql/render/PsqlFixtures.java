package org.shardprep.sql.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The datasets of src/test/resources/render/capture.sh, as the text values and column types psql
 * received. The expected outputs under render/psql/ were captured from the real psql 15.18 against
 * a PostgreSQL 15 server by that script.
 */
final class PsqlFixtures {

    record Dataset(List<ColumnInfo> columns, List<String[]> rows) {
    }

    private static ColumnInfo c(String name, int oid) {
        return new ColumnInfo(name, oid);
    }

    private static String[] r(String... values) {
        return values;
    }

    static final Map<String, Dataset> DATASETS = Map.of(
            // select * from (values (1, 'foo'::text, 1.5::numeric), (22, null, -3.25), (333, 'héllo', null),
            //   (-4, '日本語', 1000000)) t(id, name, amount)
            "A", new Dataset(
                    List.of(c("id", ColumnInfo.INT4), c("name", ColumnInfo.TEXT), c("amount", ColumnInfo.NUMERIC)),
                    List.of(r("1", "foo", "1.5"), r("22", null, "-3.25"), r("333", "héllo", null),
                            r("-4", "日本語", "1000000"))),
            // select * from (values (1, E'line1\nline2\nl3', 'x'::text), (22, 'single', E'a\nbb')) t(n, "multi\nline", c)
            "B", new Dataset(
                    List.of(c("n", ColumnInfo.INT4), c("multi\nline", ColumnInfo.TEXT), c("c", ColumnInfo.TEXT)),
                    List.of(r("1", "line1\nline2\nl3", "x"), r("22", "single", "a\nbb"))),
            // select * from (values (1, 'a,b', 'say "hi"'), (2, E'two\nlines', ''), (3, null, '\.'),
            //   (4, ' sp ', E'cr\rx')) t(id, v, w)
            "C", new Dataset(
                    List.of(c("id", ColumnInfo.INT4), c("v", ColumnInfo.TEXT), c("w", ColumnInfo.TEXT)),
                    List.of(r("1", "a,b", "say \"hi\""), r("2", "two\nlines", ""), r("3", null, "\\."),
                            r("4", " sp ", "cr\rx"))),
            // select 1 as a, 'x'::text as b where false
            "E", new Dataset(List.of(c("a", ColumnInfo.INT4), c("b", ColumnInfo.TEXT)), List.of()),
            // select
            "Z", new Dataset(List.of(), List.<String[]>of(new String[0])),
            // select 1 as very_long_column_name, 'a much longer value than the header'::text as s,
            //   12345678901234::int8 as n
            "W", new Dataset(
                    List.of(c("very_long_column_name", ColumnInfo.INT4), c("s", ColumnInfo.TEXT), c("n", ColumnInfo.INT8)),
                    List.<String[]>of(r("1", "a much longer value than the header", "12345678901234"))),
            // select E'a\tb' as tab, E'x\u0001y' as ctl, 'wide日本' as w, E'e\u0301' as comb
            "S", new Dataset(
                    List.of(c("tab", ColumnInfo.TEXT), c("ctl", ColumnInfo.TEXT), c("w", ColumnInfo.TEXT), c("comb", ColumnInfo.TEXT)),
                    List.<String[]>of(r("a\tb", "x\u0001y", "wide日本", "e\u0301"))),
            // select E'aaa\nb' as x, 1 as y, E'c\nd\ne' as z
            "M", new Dataset(
                    List.of(c("x", ColumnInfo.TEXT), c("y", ColumnInfo.INT4), c("z", ColumnInfo.TEXT)),
                    List.<String[]>of(r("aaa\nb", "1", "c\nd\ne"))));

    /** The psql options of each capture variant (file name suffix after "DATASET-"). */
    static PrintOptions options(String variant) {
        PrintOptions o = new PrintOptions();
        for (String part : variant.split("-")) {
            switch (part) {
                case "b1" -> o.setBorder(1);
                case "b0" -> o.setBorder(0);
                case "b2" -> o.setBorder(2);
                case "t" -> o.setTuplesOnly(true);
                case "x" -> o.setExpanded(PrintOptions.Expanded.ON);
                case "A" -> o.setFormat(PrintOptions.Format.UNALIGNED);
                case "At" -> o.setFormat(PrintOptions.Format.UNALIGNED).setTuplesOnly(true);
                case "Ax" -> o.setFormat(PrintOptions.Format.UNALIGNED).setExpanded(PrintOptions.Expanded.ON);
                case "Axt" -> o.setFormat(PrintOptions.Format.UNALIGNED).setExpanded(PrintOptions.Expanded.ON)
                        .setTuplesOnly(true);
                case "csv" -> o.setFormat(PrintOptions.Format.CSV);
                case "null" -> o.setNullDisplay("(null)");
                case "title" -> o.setTitle("The Title");
                case "nofooter" -> o.setFooter(false);
                case "sep" -> {
                    if (o.getFormat() == PrintOptions.Format.CSV) {
                        o.setCsvFieldSeparator(";");
                    } else {
                        o.setFieldSeparator(";").setRecordSeparator("#");
                    }
                }
                default -> throw new IllegalArgumentException(variant);
            }
        }
        // "null-csv" was captured with \pset null 'NULL'
        if (variant.equals("null-csv")) {
            o.setNullDisplay("NULL");
        }
        return o;
    }

    static final List<String> VARIANTS = List.of("b1", "b0", "b2", "t", "b0-t", "b2-t", "x", "x-b0", "x-b2",
            "x-t", "x-b0-t", "x-b2-t", "A", "At", "Ax", "Axt", "csv", "csv-t", "csv-x", "null", "title",
            "x-title", "A-title", "nofooter", "A-sep", "csv-sep", "null-A", "null-csv");

    static String expected(String name) {
        try (InputStream in = PsqlFixtures.class.getResourceAsStream("/render/psql/" + name + ".out")) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints a dataset, handing the rows over in slices of {@code sliceRows}. */
    static String print(Dataset ds, PrintOptions o, int terminalWidth, int chunkRows, int sliceRows) {
        StringWriter sw = new StringWriter();
        PrintWriter pw = new PrintWriter(sw);
        ResultPrinter p = ResultPrinter.create(o, pw, terminalWidth, chunkRows);
        p.start(ds.columns());
        List<String[]> rows = ds.rows();
        for (int i = 0; i < rows.size(); i += sliceRows) {
            List<String[]> slice = new ArrayList<>();
            for (String[] row : rows.subList(i, Math.min(rows.size(), i + sliceRows))) {
                slice.add(Arrays.copyOf(row, row.length));
            }
            p.rows(slice);
        }
        p.finish(rows.size());
        pw.flush();
        return sw.toString();
    }

    private PsqlFixtures() {
    }
}
