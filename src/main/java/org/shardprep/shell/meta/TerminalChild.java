package org.shardprep.shell.meta;

import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.shardprep.shell.session.Session;

import java.io.IOException;

/**
 * A program that has the user's terminal for as long as it runs (\!, an editor for \e): JLine's reader stops
 * taking keys meanwhile, and the terminal's settings come back as they were, whatever the program left. As psql's
 * system(), a Ctrl-C meant for the program does not also interrupt the shell.
 */
final class TerminalChild {

    private TerminalChild() {}

    /** Starts the program with the shell's standard streams and waits for it; its exit status. */
    static int run(Session session, ProcessBuilder program) throws IOException, InterruptedException {
        session.out().flush();
        session.results().flush();
        Terminal terminal = session.terminal();
        Attributes saved = terminal == null ? null : terminal.getAttributes();
        if (terminal != null) terminal.pause(true);   // JLine's pump thread would otherwise read the program's keys
        try {
            return program.inheritIO().start().waitFor();
        } finally {
            if (terminal != null) {
                terminal.setAttributes(saved);
                terminal.resume();
            }
            session.clearInterrupt();
        }
    }
}
