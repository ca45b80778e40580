package org.shardprep.walkthrough;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the lesson stands, worked out from the database alone: every step's checkpoint is asked, and
 * <ul>
 * <li>a step that leaves a trace is done when its checkpoint passes;</li>
 * <li>a step that leaves none (a look, a timing) is done when a later step with a trace is;</li>
 * <li>the lesson goes on at the first step that is not done;</li>
 * <li>a lasting step that fails while a later one passes means the database went back behind it (rows deleted,
 * a function dropped): that step is broken, and the walkthrough stops there with its checkpoint's explanation
 * rather than redo it over the later work. A background step (the backfill, the order job) is run again
 * instead: its work simply ended with the shell that started it.</li>
 * </ul>
 */
public final class LessonProgress {

    public enum State { DONE, NEXT, PENDING, BROKEN }

    /** One line of the checklist. */
    public record StepStatus(int number, Step step, Verdict verdict, State state) {}

    private final List<StepStatus> steps;
    private final int resumeAt;

    private LessonProgress(List<StepStatus> steps, int resumeAt) {
        this.steps = List.copyOf(steps);
        this.resumeAt = resumeAt;
    }

    /** Asks every checkpoint of the lesson. */
    public static LessonProgress read(Lesson lesson, LessonDatabase db) throws SQLException {
        List<Verdict> verdicts = new ArrayList<>();
        for (Step s : lesson.steps()) verdicts.add(s.checkpoint().check(db));
        return of(lesson.steps(), verdicts);
    }

    /** The states, from the steps' verdicts (in lesson order). */
    static LessonProgress of(List<Step> steps, List<Verdict> verdicts) {
        int n = steps.size();
        boolean[] laterPasses = new boolean[n];
        for (int i = n - 2; i >= 0; i--) {
            Step next = steps.get(i + 1);
            laterPasses[i] = laterPasses[i + 1] || (next.trace() != Step.Trace.NONE && verdicts.get(i + 1).passed());
        }
        List<State> states = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            boolean passed = verdicts.get(i).passed();
            State state;
            if (s.trace() == Step.Trace.NONE) {
                state = laterPasses[i] ? State.DONE : State.PENDING;
            } else if (passed) {
                state = State.DONE;
            } else {
                state = s.trace() == Step.Trace.LASTING && laterPasses[i] ? State.BROKEN : State.PENDING;
            }
            states.add(state);
        }
        int resume = states.indexOf(State.PENDING);
        int broken = states.indexOf(State.BROKEN);
        int firstOpen = resume < 0 ? broken : broken < 0 ? resume : Math.min(resume, broken);
        if (firstOpen >= 0 && states.get(firstOpen) == State.PENDING) states.set(firstOpen, State.NEXT);
        List<StepStatus> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new StepStatus(i + 1, steps.get(i), verdicts.get(i), states.get(i)));
        return new LessonProgress(out, firstOpen < 0 ? n : firstOpen);
    }

    public List<StepStatus> steps() { return steps; }

    /** Index of the step the lesson goes on with; the number of steps when every one is done. */
    public int resumeAt() { return resumeAt; }

    public boolean complete() { return resumeAt == steps.size(); }

    /** The first broken step, or null. */
    public StepStatus broken() {
        return steps.stream().filter(s -> s.state() == State.BROKEN).findFirst().orElse(null);
    }
}
