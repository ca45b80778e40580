package org.shardprep.prepare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GROUP BY widened onto the column, as pg_get_viewdef prints views (pretty: one clause a line). */
class GroupByWideningTest {

    @Test
    void groupingByTheOldKeyOfTheTableGroupsByTheColumnToo() {
        String view = """
                 SELECT p.id,
                    p.name,
                    count(t.id) AS tasks
                   FROM projects p
                     LEFT JOIN tasks t ON t.project_id = p.id
                  GROUP BY p.id""";
        assertThat(GroupByWidening.widen(view, "projects", List.of("id"), "account_id"))
                .endsWith("\n GROUP BY p.id, p.account_id");
    }

    @Test
    void theBareTableNameAndCompositeKeysAreFound() {
        String view = " SELECT task_tags.task_id, task_tags.tag, count(*) AS n\n   FROM public.task_tags\n  GROUP BY task_tags.task_id, task_tags.tag";
        assertThat(GroupByWidening.widen(view, "task_tags", List.of("task_id", "tag"), "account_id"))
                .endsWith("GROUP BY task_tags.task_id, task_tags.tag, task_tags.account_id");
    }

    @Test
    void aGroupByThatDoesNotHoldTheWholeKeyOrAnotherTablesIsLeftAlone() {
        String view = " SELECT t.tag, count(*) AS n\n   FROM task_tags t\n  GROUP BY t.tag\n SELECT p.id\n   FROM other p\n  GROUP BY p.id";
        assertThat(GroupByWidening.widen(view, "task_tags", List.of("task_id", "tag"), "account_id")).isEqualTo(view);
        assertThat(GroupByWidening.widen(view, "projects", List.of("id"), "account_id")).isEqualTo(view);
    }
}
