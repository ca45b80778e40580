package org.shardprep.shell.repl;

import org.jline.keymap.KeyMap;
import org.jline.reader.Buffer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.Widget;

/**
 * Ctrl-D as psql (readline) takes it: on an empty line it ends input, even when the lines above hold a statement
 * still being typed. JLine keeps a multi-line statement in one buffer, so its own ^D (delete-char-or-list) sees
 * text there and lists completions instead; elsewhere on a line ^D still deletes or lists as before.
 */
final class EmptyLineEof {

    private static final String WIDGET = "shardprep-eof-on-empty-line";

    private EmptyLineEof() {}

    static void install(LineReader reader) {
        Widget deleteCharOrList = reader.getWidgets().get(LineReader.DELETE_CHAR_OR_LIST);
        reader.getWidgets().put(WIDGET, () -> {
            if (onEmptyLine(reader.getBuffer())) throw new EndOfFileException();
            return deleteCharOrList.apply();
        });
        for (String map : new String[] {LineReader.MAIN, LineReader.EMACS, LineReader.VIINS}) {
            KeyMap<org.jline.reader.Binding> keys = reader.getKeyMaps().get(map);
            if (keys != null) keys.bind(new Reference(WIDGET), KeyMap.ctrl('D'));
        }
    }

    /** Whether the line the cursor is on has nothing on it. */
    static boolean onEmptyLine(Buffer buffer) {
        String text = buffer.toString();
        int cursor = buffer.cursor();
        boolean startsLine = cursor == 0 || text.charAt(cursor - 1) == '\n';
        boolean endsLine = cursor == text.length() || text.charAt(cursor) == '\n';
        return startsLine && endsLine;
    }
}
