/**
 * Statement scanning after psql 15 ({@code src/fe_utils/psqlscan.l}, {@code src/bin/psql/psqlscanslash.l},
 * {@code src/bin/psql/mainloop.c}): where statements end, where backslash commands start and what their
 * arguments are, {@code :variable} interpolation, and the continuation prompt state.
 *
 * <p>Known differences from psql, on purpose:
 * <ul>
 *   <li>{@link org.shardprep.sql.scan.StatementScanner#finish()} throws
 *       {@link org.shardprep.sql.scan.UnterminatedInputException} when input ends inside a quote, dollar quote or
 *       comment; psql sends the text and the server reports the same error. The exception carries the text.</li>
 *   <li>Where a backslash command's arguments end is decided from the command name alone. psql also discards
 *       the rest of the line after a command that fails at run time (e.g. {@code \g (} without {@code )}).</li>
 *   <li>A failing {@code `command`} in an argument is reported as an error by {@code MetaCommand.args}; psql
 *       prints the error and goes on with an empty substitution ({@code parseArgs} gives both).</li>
 * </ul>
 */
package org.shardprep.sql.scan;
