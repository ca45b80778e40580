package org.shardprep.shell.session;

import org.shardprep.command.StepAnswer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

import java.io.IOException;

/**
 * The {@code replay --step} question under a statement shown (and the walkthrough's under a step): one key
 * answers it, as it says: Enter runs, s skips, q stops. Any other key gets one line saying which keys work. The
 * terminal is read raw, key by key, with Ctrl-C as a key too, so Ctrl-C here ends the wait rather than cancelling
 * anything. On a terminal that can, the question is erased once answered, so the statement's output follows it
 * directly.
 */
public final class StepPrompt {

    static final String QUESTION = "[Enter] run  [s] skip  [q] stop: ";

    private final Terminal terminal;
    private final boolean ansi;   // a terminal that shows styles and moves the cursor
    private boolean asking;       // the question is on the screen; guarded by this (background lines come from other threads)

    public StepPrompt(Terminal terminal, boolean ansi) {
        this.terminal = terminal;
        this.ansi = ansi;
    }

    public StepAnswer ask() {
        synchronized (this) {
            print(faint(QUESTION));
            asking = true;
        }
        Attributes saved = terminal.enterRawMode();
        try {
            Attributes keys = new Attributes(terminal.getAttributes());
            keys.setLocalFlag(Attributes.LocalFlag.ISIG, false);   // Ctrl-C comes as a key, not as a cancel
            terminal.setAttributes(keys);
            while (true) {
                int key = terminal.reader().read();
                StepAnswer answer = StepAnswer.ofKey(key);
                if (answer != null) {
                    clearQuestion();
                    return answer;
                }
                notAnAnswer(key);
            }
        } catch (IOException e) {
            clearQuestion();
            return StepAnswer.INTERRUPTED;
        } finally {
            terminal.setAttributes(saved);
        }
    }

    /**
     * A line from background work (a job's failure, a load's progress) while the question waits: above the
     * question, which is shown again under it, never onto the question's line.
     */
    public synchronized void above(String line) {
        if (!asking) {
            print(line + "\n");
            return;
        }
        if (ansi) {
            terminal.puts(InfoCmp.Capability.carriage_return);
            terminal.puts(InfoCmp.Capability.clr_eol);
            print(line + "\n" + faint(QUESTION));
        } else {
            print("\n" + line + "\n" + QUESTION);
        }
    }

    /** One line, the question again after it: which keys work (on a terminal that can, in place of the question). */
    private synchronized void notAnAnswer(int key) {
        String which = key > ' ' && key < 127 ? String.valueOf((char) key) : "That key";
        String hint = which + " does nothing here: Enter runs, s skips, q stops";
        if (ansi) {
            terminal.puts(InfoCmp.Capability.carriage_return);
            terminal.puts(InfoCmp.Capability.clr_eol);
            print(faint(QUESTION) + hint);
        } else {
            print("\n" + hint + "\n" + QUESTION);
        }
    }

    /** Answered: the question goes (where the terminal can erase it), and output starts on a line of its own. */
    private synchronized void clearQuestion() {
        asking = false;
        if (ansi) {
            terminal.puts(InfoCmp.Capability.carriage_return);
            terminal.puts(InfoCmp.Capability.clr_eol);
            terminal.flush();
        } else {
            print("\n");
        }
    }

    private String faint(String text) {
        return ansi ? new AttributedString(text, AttributedStyle.DEFAULT.faint()).toAnsi(terminal) : text;
    }

    private void print(String text) {
        terminal.writer().print(text);
        terminal.writer().flush();
    }
}
