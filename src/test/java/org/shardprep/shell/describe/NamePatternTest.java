package org.shardprep.shell.describe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** psql 15's pattern rules; the expected SQL is what psql -E shows for the same commands. */
class NamePatternTest {

    private static final String VISIBLE = "pg_catalog.pg_table_is_visible(c.oid)";

    private static String relations(String pattern) throws DescribeException {
        return NamePattern.where(pattern, true, false, "n.nspname", "c.relname", null, VISIBLE, 3, "citus");
    }

    @Test
    void noPatternSelectsVisibleObjects() throws DescribeException {
        assertThat(relations(null)).isEqualTo("  AND pg_catalog.pg_table_is_visible(c.oid)\n");
        assertThat(NamePattern.where(null, false, false, null, "n.nspname", null, null, 2, "citus")).isEmpty();
    }

    @Test
    void plainNameIsAnchoredAndVisible() throws DescribeException {
        assertThat(relations("line_items")).isEqualTo(
                "  AND c.relname OPERATOR(pg_catalog.~) '^(line_items)$' COLLATE pg_catalog.default\n"
                        + "  AND pg_catalog.pg_table_is_visible(c.oid)\n");
    }

    @Test
    void wildcardsBecomeRegex() {
        assertThat(NamePattern.parse("line*", true, false).nameRegex()).isEqualTo("^(line.*)$");
        assertThat(NamePattern.parse("st?res", true, false).nameRegex()).isEqualTo("^(st.res)$");
    }

    @Test
    void unquotedLettersFoldQuotedKeepCase() {
        assertThat(NamePattern.parse("Line_Items", true, false).nameRegex()).isEqualTo("^(line_items)$");
        assertThat(NamePattern.parse("\"MixedCase\"", true, false).nameRegex()).isEqualTo("^(MixedCase)$");
        assertThat(NamePattern.parse("\"a\"\"b\"", true, false).nameRegex()).isEqualTo("^(a\"b)$");
    }

    @Test
    void quotesMakeRegexCharactersAndWildcardsLiteral() {
        assertThat(NamePattern.parse("\"a*b.c\"", true, false).nameRegex()).isEqualTo("^(a\\*b\\.c)$");
        assertThat(NamePattern.parse("a+b", true, false).nameRegex()).isEqualTo("^(a+b)$");
        assertThat(NamePattern.parse("a+b", true, true).nameRegex()).isEqualTo("^(a\\+b)$");
    }

    @Test
    void dollarAndEmptyBracketsAreAlwaysLiteral() {
        assertThat(NamePattern.parse("a$b", true, false).nameRegex()).isEqualTo("^(a\\$b)$");
        assertThat(NamePattern.parse("int[]", true, false).nameRegex()).isEqualTo("^(int\\[])$");
        assertThat(NamePattern.parse("[ab]x", true, false).nameRegex()).isEqualTo("^([ab]x)$");
    }

    @Test
    void schemaPartReplacesVisibility() throws DescribeException {
        assertThat(relations("public.*")).isEqualTo(
                "  AND n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default\n");
        assertThat(relations("pub?ic.st*")).isEqualTo(
                "  AND c.relname OPERATOR(pg_catalog.~) '^(st.*)$' COLLATE pg_catalog.default\n"
                        + "  AND n.nspname OPERATOR(pg_catalog.~) '^(pub.ic)$' COLLATE pg_catalog.default\n");
    }

    @Test
    void emptyPartsMatchOnlyEmptyNames() throws DescribeException {
        assertThat(relations("public.")).isEqualTo(
                "  AND c.relname OPERATOR(pg_catalog.~) '^()$' COLLATE pg_catalog.default\n"
                        + "  AND n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default\n");
    }

    @Test
    void databasePartMustBeTheCurrentDatabase() throws DescribeException {
        assertThat(relations("Citus.public.st*")).isEqualTo(
                "  AND c.relname OPERATOR(pg_catalog.~) '^(st.*)$' COLLATE pg_catalog.default\n"
                        + "  AND n.nspname OPERATOR(pg_catalog.~) '^(public)$' COLLATE pg_catalog.default\n");
        assertThatThrownBy(() -> relations("x.y.z"))
                .hasMessage("cross-database references are not implemented: x.y.z");
    }

    @Test
    void tooManyDots() {
        assertThatThrownBy(() -> relations("a.b.c.d"))
                .hasMessage("improper qualified name (too many dotted names): a.b.c.d");
        assertThatThrownBy(() -> NamePattern.where("a.b", false, false, null, "e.extname", null, null, 1, "citus"))
                .hasMessage("improper qualified name (too many dotted names): a.b");
    }

    @Test
    void withoutSchemaDotsStayInTheName() {
        NamePattern.Parts parts = NamePattern.parse("a.b", false, false);
        assertThat(parts.nameRegex()).isEqualTo("^(a.b)$");
        assertThat(parts.schemaRegex()).isNull();
        assertThat(parts.dots()).isEqualTo(1);
    }

    @Test
    void alternativeNameColumn() throws DescribeException {
        assertThat(NamePattern.where("int4", false, false, null, "t.typname", "t.oid::regtype", null, 1, "citus"))
                .isEqualTo("WHERE (t.typname OPERATOR(pg_catalog.~) '^(int4)$' COLLATE pg_catalog.default\n"
                        + "        OR t.oid::regtype OPERATOR(pg_catalog.~) '^(int4)$' COLLATE pg_catalog.default)\n");
    }

    @Test
    void quotesInThePatternAreEscapedInTheLiteral() throws DescribeException {
        assertThat(NamePattern.where("o'x", false, false, null, "n.nspname", null, null, 2, "citus"))
                .isEqualTo("WHERE n.nspname OPERATOR(pg_catalog.~) '^(o''x)$' COLLATE pg_catalog.default\n");
    }
}
