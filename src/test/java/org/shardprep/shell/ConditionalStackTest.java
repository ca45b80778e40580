package org.shardprep.shell;

import org.junit.jupiter.api.Test;
import org.shardprep.shell.ConditionalStack.State;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalStackTest {

    @Test
    void emptyStackIsActive() {
        ConditionalStack stack = new ConditionalStack();
        assertThat(stack.empty()).isTrue();
        assertThat(stack.peek()).isEqualTo(State.NONE);
        assertThat(stack.active()).isTrue();
        assertThat(stack.pop()).isFalse();
        assertThat(stack.poke(State.TRUE)).isFalse();
        assertThat(stack.savedQueryLength()).isEqualTo(-1);
    }

    @Test
    void onlyRunningBranchesAreActive() {
        ConditionalStack stack = new ConditionalStack();
        for (State s : State.values()) {
            if (s == State.NONE) continue;
            stack.push(s);
            assertThat(stack.active()).as(s.name()).isEqualTo(s == State.TRUE || s == State.ELSE_TRUE);
            stack.pop();
        }
    }

    @Test
    void innermostBlockDecidesAndKeepsItsOwnQueryMark() {
        ConditionalStack stack = new ConditionalStack();
        stack.push(State.TRUE);
        stack.saveQuery(10, 1);
        stack.push(State.FALSE);
        stack.saveQuery(25, 2);
        assertThat(stack.depth()).isEqualTo(2);
        assertThat(stack.active()).isFalse();
        assertThat(stack.savedQueryLength()).isEqualTo(25);
        assertThat(stack.poke(State.ELSE_TRUE)).isTrue();
        assertThat(stack.active()).isTrue();
        assertThat(stack.pop()).isTrue();
        assertThat(stack.peek()).isEqualTo(State.TRUE);
        assertThat(stack.savedQueryLength()).isEqualTo(10);
        assertThat(stack.savedParenDepth()).isEqualTo(1);
    }
}
