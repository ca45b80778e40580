package org.shardprep.shell.repl;

import org.shardprep.shell.Session;
import org.shardprep.shell.ShellCommandNames;
import org.shardprep.shell.ShellCommands;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Collection;

/**
 * shardprep's commands in -c, -f and piped scripts: Spring (and with it Spring Shell's command machinery)
 * starts the first time a script uses one, so plain SQL scripts never pay for it.
 */
public final class LazyCommandShell implements ShellCommands, AutoCloseable {

    private final Session session;
    private ConfigurableApplicationContext context;
    private CommandShell shell;

    public LazyCommandShell(Session session) {
        this.session = session;
    }

    @Override
    public boolean isCommand(String firstWord) {
        return ShellCommandNames.ALL.contains(firstWord);
    }

    @Override
    public boolean run(String line) {
        return shell().run(line);
    }

    @Override
    public String runForJob(String line) {
        return shell().runForJob(line);
    }

    private synchronized CommandShell shell() {
        if (shell == null) {
            context = ReplApplication.startForCommands(session);   // its terminal leaves SIGINT to us
            shell = context.getBean(CommandShell.class);
        }
        return shell;
    }

    @Override
    public Collection<String> names() {
        return ShellCommandNames.ALL;
    }

    @Override
    public synchronized void close() {
        if (context != null) context.close();
    }
}
