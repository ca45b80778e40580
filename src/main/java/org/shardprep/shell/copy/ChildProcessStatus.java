package org.shardprep.shell.copy;

/** psql's wait_result_to_str: why a child process ended badly, in libpq's words. */
public final class ChildProcessStatus {

    private static final String[] SIGNAL_NAMES = {
            null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
            "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
            "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
            "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
            "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
            "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};

    private ChildProcessStatus() {}

    /**
     * @param exitValue Java's exit value of {@code /bin/sh -c}: 128 + N when a signal N ended it
     * @return the reason, or null for a zero status
     */
    public static String describe(int exitValue) {
        if (exitValue == 0) return null;
        if (exitValue == 127) return "command not found";
        if (exitValue == 126) return "command not executable";
        if (exitValue > 128 && exitValue < 128 + SIGNAL_NAMES.length) {
            int signal = exitValue - 128;
            return "child process was terminated by signal " + signal + ": " + SIGNAL_NAMES[signal];
        }
        return "child process exited with exit code " + exitValue;
    }
}
