package org.shardprep.shell.repl;

import org.jline.terminal.Terminal;
import org.shardprep.shell.Session;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.boot.TerminalCustomizer;
import org.springframework.shell.command.annotation.CommandScan;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.config.ShellConversionServiceSupplier;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;

import java.util.HashMap;
import java.util.Map;

/**
 * The Spring Boot application behind the interactive shell. The session (connection, settings) is made
 * before Spring starts and handed in as a bean, so connecting and booting can overlap.
 */
@SpringBootApplication(scanBasePackages = "org.shardprep")
@CommandScan(basePackages = "org.shardprep")
public class ReplApplication {

    @Bean
    @Primary
    CommandShell commandShell(ResultHandlerService results, CommandCatalog catalog, Terminal terminal,
                              ShellConversionServiceSupplier conversion, ShellContext context,
                              ExitCodeMappings exitCodes, Session session) {
        CommandShell shell = new CommandShell(results, catalog, terminal, context, exitCodes, session);
        shell.setConversionService(conversion.get());
        return shell;
    }

    /**
     * When Spring is started only to run our commands in a script, JLine must not take SIGINT: Ctrl-C stays
     * with the script runner (Session.interrupt), which cancels what runs and stops the script as psql does.
     */
    @Bean
    TerminalCustomizer scriptTerminalSignals(@org.springframework.beans.factory.annotation.Value("${shardprep.script-commands:false}") boolean scriptCommands) {
        return builder -> {
            if (scriptCommands) builder.nativeSignals(false).signalHandler(Terminal.SignalHandler.SIG_DFL);
        };
    }

    /** Boots the context, runs the REPL (through {@link ReplRunner}), and returns psql's exit status. */
    public static int run(Session session) {
        return start(session, false);
    }

    /** Starts and closes the context without reading the terminal (the CDS training run). */
    public static int bootOnly(Session session) {
        return start(session, true);
    }

    private static int start(Session session, boolean bootOnly) {
        try (ConfigurableApplicationContext ctx = application(session, bootOnly).run()) {
            return ctx.getBean(ReplRunner.class).exitStatus();
        }
    }

    /** The context without the REPL, for a script that uses one of our commands; the caller closes it. */
    public static ConfigurableApplicationContext startForCommands(Session session) {
        // no terminal to read: JLine would warn that it falls back to a dumb one
        System.setProperty("org.jline.terminal.dumb", "true");
        SpringApplication app = application(session, true);
        app.setDefaultProperties(withScriptCommands());
        return app.run();
    }

    private static SpringApplication application(Session session, boolean bootOnly) {
        SpringApplication app = new SpringApplication(ReplApplication.class);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        Map<String, Object> props = properties();
        props.put("shardprep.boot-only", String.valueOf(bootOnly));
        app.setDefaultProperties(props);
        app.addInitializers(ctx -> ctx.getBeanFactory().registerSingleton("session", session));
        return app;
    }

    private static Map<String, Object> withScriptCommands() {
        Map<String, Object> p = properties();
        p.put("shardprep.boot-only", "true");
        p.put("shardprep.script-commands", "true");
        return p;
    }

    static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        // Our runner reads the terminal; Spring Shell's own runners would compete for it.
        p.put("spring.shell.interactive.enabled", "false");
        p.put("spring.shell.noninteractive.enabled", "false");
        p.put("spring.shell.script.enabled", "false");
        // psql's help/quit/exit/history behave differently from Spring Shell's built-ins: ours only.
        for (String builtin : new String[] {"help", "clear", "quit", "stacktrace", "script", "history", "completion", "version"}) {
            p.put("spring.shell.command." + builtin + ".enabled", "false");
        }
        p.put("spring.main.lazy-initialization", "true");
        p.put("spring.jmx.enabled", "false");
        p.put("spring.main.web-application-type", "none");
        p.put("logging.level.root", "ERROR");
        return p;
    }
}
