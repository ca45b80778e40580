package org.shardprep.shell;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.shell.command.annotation.Command;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Scripts recognise our commands by ShellCommandNames before Spring starts: it must list exactly what Spring Shell registers. */
class ShellCommandNamesTest {

    @Test
    void listsEveryAnnotatedCommand() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        Set<String> found = new HashSet<>();
        for (var candidate : scanner.findCandidateComponents("org.shardprep")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            Command onClass = type.getAnnotation(Command.class);
            String prefix = onClass != null && onClass.command().length > 0 ? String.join(" ", onClass.command()) : "";
            for (Method m : type.getDeclaredMethods()) {
                Command c = m.getAnnotation(Command.class);
                if (c == null) continue;
                String name = (prefix + " " + String.join(" ", c.command())).strip();
                found.add(name.split(" ")[0]);   // scripts look at the first word
            }
        }
        assertThat(found).isEqualTo(ShellCommandNames.ALL);
    }
}
