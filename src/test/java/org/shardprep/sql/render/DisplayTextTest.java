package org.shardprep.sql.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayTextTest {

    /** Display widths measured with psql 15.18 (padding in an aligned column of width 10). */
    @ParameterizedTest(name = "U+{0} -> {1}")
    @CsvSource({
        "1F600, 2", "2705, 2", "D55C, 2", "FF21, 2", "FF71, 1", "20AC, 1", "65E5, 2", "231A, 2", "1F9EA, 2",
        "1F44D, 2", "1F3FD, 2", "E9, 1", "3B1, 1", "AD, 1", "200B, 1", "301, 0", "3000, 2", "1100, 2",
        "2603, 1", "2192, 1", "2665, 1", "1F1E9, 1", "FEFF, 1", "2028, 1", "1F9D1, 2", "2E80, 2", "AC00, 2",
        "20000, 2", "1F300, 2", "1F64F, 2", "1F680, 2"
    })
    void widthsMatchPsql15(String hex, int width) {
        int cp = Integer.parseInt(hex, 16);
        assertThat(DisplayText.width(new String(Character.toChars(cp)))).isEqualTo(width);
    }
}
