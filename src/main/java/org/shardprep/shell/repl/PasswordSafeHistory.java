package org.shardprep.shell.repl;

import org.jline.reader.impl.history.DefaultHistory;
import org.shardprep.shell.input.SecretInput;

import java.time.Instant;

/** JLine's history file, minus any line that carries a secret (see {@link SecretInput}). */
final class PasswordSafeHistory extends DefaultHistory {

    static boolean holdsSecret(String line) {
        return SecretInput.holdsSecret(line);
    }

    @Override
    public void add(Instant time, String line) {
        if (!holdsSecret(line)) super.add(time, line);
    }
}
