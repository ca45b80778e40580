package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares every format/option combination with the output captured from psql 15 (see capture.sh). */
class ResultPrinterPsqlTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String ds : List.of("A", "B", "C", "E", "Z", "W", "S", "M")) {
            for (String v : PsqlFixtures.VARIANTS) {
                out.add(Arguments.of(ds, v));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}-{1}")
    @MethodSource("cases")
    void matchesPsql(String ds, String variant) {
        PsqlFixtures.Dataset data = PsqlFixtures.DATASETS.get(ds);
        String expected = PsqlFixtures.expected(ds + "-" + variant);
        PrintOptions o = PsqlFixtures.options(variant);
        assertThat(PsqlFixtures.print(data, o, 0, AlignedPrinter.DEFAULT_CHUNK_ROWS, Integer.MAX_VALUE))
                .isEqualTo(expected);
        // the same, handed over one row at a time
        assertThat(PsqlFixtures.print(data, o, 0, AlignedPrinter.DEFAULT_CHUNK_ROWS, 1)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "A-xauto-{0}")
    @MethodSource("autoCases")
    void expandedAuto(int columns) {
        PrintOptions o = new PrintOptions().setExpanded(PrintOptions.Expanded.AUTO);
        assertThat(PsqlFixtures.print(PsqlFixtures.DATASETS.get("A"), o, columns, 10_000, 1))
                .isEqualTo(PsqlFixtures.expected("A-xauto-" + columns));
    }

    static Stream<Integer> autoCases() {
        return Stream.of(20, 80);
    }
}
