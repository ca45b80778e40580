package org.shardprep.sql.scan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** psql's skip_white_space and its letter-only words (src/bin/psql/common.c). */
class LeadingWordsTest {

    @Test
    void whiteSpaceAndLineCommentsAreSkipped() {
        assertThat(LeadingWords.first("  \t\n VACUUM")).isEqualTo("vacuum");
        assertThat(LeadingWords.first("-- a note\n--another\r\n  Begin")).isEqualTo("begin");
        assertThat(LeadingWords.rest("-- note\n select 1")).isEqualTo("select 1");
    }

    @Test
    void blockCommentsNestAsTheServersDo() {
        assertThat(LeadingWords.first("/* a /* b */ still a comment */ drop table t")).isEqualTo("drop");
        assertThat(LeadingWords.first("/* a /* b */ c */ /**/ -- x\n/* y */vacuum")).isEqualTo("vacuum");
        assertThat(LeadingWords.first("/* -- no line comment in here */ commit")).isEqualTo("commit");
        assertThat(LeadingWords.first("/* never closed select")).isEmpty();
    }

    @Test
    void aSlashStarInsideALineCommentStartsNothing() {
        assertThat(LeadingWords.first("-- /* not a block\nselect 1")).isEqualTo("select");
    }

    @Test
    void aStrayCloseIsAToken() {
        assertThat(LeadingWords.skipWhiteSpace(" */ select", 0)).isEqualTo(1);
        assertThat(LeadingWords.first("*/ select")).isEmpty();
    }

    @Test
    void wordsAreLettersInAnyCaseEachAfterItsOwnComments() {
        assertThat(LeadingWords.words("CREATE /* x */ Unique\n-- y\n INDEX concurrently i on t (a)", 4))
                .containsExactly("create", "unique", "index", "concurrently");
        assertThat(LeadingWords.words("drop index_x", 3)).containsExactly("drop", "index");
        assertThat(LeadingWords.words("cluster;", 2)).containsExactly("cluster");
        assertThat(LeadingWords.words("(select 1)", 2)).isEmpty();
        assertThat(LeadingWords.words("", 2)).isEmpty();
    }

    @Test
    void startWithComparesWholeWords() {
        assertThat(LeadingWords.startWith("/* /* */ */ Prepare  Transaction 'x'", "prepare", "transaction")).isTrue();
        assertThat(LeadingWords.startWith("vacuumdb", "vacuum")).isFalse();
        assertThat(LeadingWords.startWith("prepare", "prepare", "transaction")).isFalse();
    }
}
