package org.shardprep;

import org.shardprep.command.CommandContext;
import org.shardprep.command.CommandRegistry;
import org.shardprep.command.ShellCommands;
import org.shardprep.dataset.generator.GenerateDataCommand;
import org.shardprep.dataset.loader.LoadAllCommand;
import org.shardprep.migrate.backfill.BackfillCommands;
import org.shardprep.migrate.backfill.BackfillStatusCommand;
import org.shardprep.migrate.backfill.Backfills;
import org.shardprep.migrate.distribute.DistributionCommands;
import org.shardprep.migrate.keyswap.SwapPkCommand;
import org.shardprep.prepare.PrepareCommand;
import org.shardprep.schedule.ScheduleCommands;
import org.shardprep.shell.CommandRunner;
import org.shardprep.shell.session.Session;
import org.shardprep.shell.TimingCommand;
import org.shardprep.shell.replay.RecordCommands;
import org.shardprep.shell.replay.ReplayCommand;
import org.shardprep.walkthrough.WalkthroughCommand;
import org.shardprep.workload.SimulateOrdersCommand;
import picocli.CommandLine;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every shardprep command is listed, once: a new command class goes into {@link #COMMANDS}. The
 * registry reads names, summaries, options and subcommands from the classes' picocli annotations.
 */
public final class CommandCatalog {
    private CommandCatalog() {}

    static final List<Class<?>> COMMANDS = List.of(
            LoadAllCommand.class,            // load-all, create-schema
            GenerateDataCommand.class,       // generate-data
            SimulateOrdersCommand.class,     // simulate-orders install|run|start|stop|status
            ScheduleCommands.class,          // schedule, unschedule, jobs, job-runs
            ScheduleCommands.JobCommand.class,   // job pause|resume
            BackfillCommands.class,          // backfill start|stop|install-function
            BackfillStatusCommand.class,     // backfill-status
            SwapPkCommand.class,             // swap-pk plan|run
            DistributionCommands.class,      // check-distribution
            DistributionCommands.Distribute.class,   // distribute run|status
            TimingCommand.class,             // timing on|off|history|label|compare
            RecordCommands.class,            // record start|stop|status
            ReplayCommand.class,             // replay
            WalkthroughCommand.class,        // walkthrough, walkthrough status
            PrepareCommand.class);           // prepare plan, prepare run

    /** The session's commands: made once, their objects built on first use. */
    public static CommandRunner forSession(Session session) {
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(Session.class, session);
        services.put(CommandContext.class, session);
        services.put(Backfills.class, new Backfills());
        Map<Class<?>, Object> made = new HashMap<>();
        CommandRunner[] runner = new CommandRunner[1];
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                synchronized (made) {
                    Object existing = made.get(type);
                    if (existing != null) return type.cast(existing);
                    if (!COMMANDS.contains(type)) return CommandLine.defaultFactory().create(type);
                    Constructor<?> c = java.util.Arrays.stream(type.getConstructors())
                            .filter(k -> java.util.Arrays.stream(k.getParameterTypes()).allMatch(p -> p == ShellCommands.class || services.containsKey(p)))
                            .findFirst().orElseThrow(() -> new IllegalStateException(type.getSimpleName() + " has no constructor the shell can call"));
                    Object[] args = new Object[c.getParameterCount()];
                    for (int i = 0; i < args.length; i++) {
                        Class<?> p = c.getParameterTypes()[i];
                        args[i] = p == ShellCommands.class ? runner[0] : services.get(p);
                        if (args[i] == null) throw new IllegalStateException(type.getSimpleName() + " needs a " + p.getSimpleName());
                    }
                    Object o = c.newInstance(args);
                    made.put(type, o);
                    return type.cast(o);
                }
            }
        };
        runner[0] = new CommandRunner(session, new CommandRegistry(COMMANDS, factory));
        return runner[0];
    }
}
