package org.shardprep.shell.copy;

/**
 * A parsed {@code \copy} line (psql's struct copy_options).
 *
 * @param beforeToFrom the table with its column list, or the parenthesised query, as psql re-joins them
 * @param afterToFrom  the options as typed after the file, passed to the server untouched; null when none
 * @param file         the file name (tilde-expanded) or the shell command; null for stdin/stdout/pstdin/pstdout
 * @param program      whether {@code file} is a command to run through {@code /bin/sh -c}
 * @param psqlInOut    pstdin/pstdout: the process's own streams rather than the current input and output
 * @param from         FROM (data to the server) rather than TO
 */
public record SlashCopy(String beforeToFrom, String afterToFrom, String file, boolean program,
                        boolean psqlInOut, boolean from) {

    /** The statement psql sends: {@code COPY <before> FROM STDIN <after>} or {@code ... TO STDOUT ...}. */
    public String sql() {
        return "COPY " + beforeToFrom + (from ? " FROM STDIN " : " TO STDOUT ") + (afterToFrom == null ? "" : afterToFrom);
    }
}
