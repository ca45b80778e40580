package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPrinterTest {

    private static PrintOptions json() {
        return new PrintOptions().setFormat(PrintOptions.Format.JSON).setNullDisplay("(null)").setTitle("ignored");
    }

    @Test
    void rowsAreObjectsWithNumbersUnquoted() {
        assertThat(PsqlFixtures.print(PsqlFixtures.DATASETS.get("A"), json(), 0, 10, 1)).isEqualTo("""
                [
                  {"id": 1, "name": "foo", "amount": 1.5},
                  {"id": 22, "name": null, "amount": -3.25},
                  {"id": 333, "name": "héllo", "amount": null},
                  {"id": -4, "name": "日本語", "amount": 1000000}
                ]
                """);
    }

    @Test
    void stringsAreEscaped() {
        assertThat(PsqlFixtures.print(PsqlFixtures.DATASETS.get("C"), json(), 0, 10, 3)).isEqualTo("""
                [
                  {"id": 1, "v": "a,b", "w": "say \\"hi\\""},
                  {"id": 2, "v": "two\\nlines", "w": ""},
                  {"id": 3, "v": null, "w": "\\\\."},
                  {"id": 4, "v": " sp ", "w": "cr\\rx"}
                ]
                """);
    }

    @Test
    void emptyAndZeroColumnResults() {
        assertThat(PsqlFixtures.print(PsqlFixtures.DATASETS.get("E"), json(), 0, 10, 1)).isEqualTo("[]\n");
        assertThat(PsqlFixtures.print(PsqlFixtures.DATASETS.get("Z"), json(), 0, 10, 1)).isEqualTo("[\n  {}\n]\n");
    }

    @Test
    void nonFiniteNumbersAndMoneyAreStrings() {
        PsqlFixtures.Dataset ds = new PsqlFixtures.Dataset(
                java.util.List.of(new ColumnInfo("f", ColumnInfo.FLOAT8), new ColumnInfo("m", ColumnInfo.MONEY),
                        new ColumnInfo("b", 16), new ColumnInfo("e", ColumnInfo.FLOAT8)),
                java.util.List.<String[]>of(new String[] {"NaN", "$1.00", "t", "1e+100"},
                        new String[] {"-Infinity", "-$2.50", "f", "-0"}));
        assertThat(PsqlFixtures.print(ds, json(), 0, 10, 1)).isEqualTo("""
                [
                  {"f": "NaN", "m": "$1.00", "b": "t", "e": 1e+100},
                  {"f": "-Infinity", "m": "-$2.50", "b": "f", "e": -0}
                ]
                """);
    }
}
