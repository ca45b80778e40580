package org.shardprep.shell.repl;

import org.jline.reader.impl.history.DefaultHistory;

import java.time.Instant;
import java.util.regex.Pattern;

/** JLine's history file, minus any line that carries a password (conninfo, URI, ALTER ROLE ... PASSWORD). */
final class PasswordSafeHistory extends DefaultHistory {

    private static final Pattern SECRET = Pattern.compile(
            "(?is)(password\\s*=)|(\\\\password)|(://[^/\\s:@]*:[^@\\s]*@)|(\\b(role|user)\\b.*\\bpassword\\b)");

    static boolean holdsPassword(String line) {
        return SECRET.matcher(line).find();
    }

    @Override
    public void add(Instant time, String line) {
        if (!holdsPassword(line)) super.add(time, line);
    }
}
