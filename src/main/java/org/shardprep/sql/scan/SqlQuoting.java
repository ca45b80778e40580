package org.shardprep.sql.scan;

/** The quoting psql applies to interpolated variables (libpq's PQescapeLiteral / PQescapeIdentifier). */
public final class SqlQuoting {
    private SqlQuoting() {
    }

    /**
     * {@code :'name'}: like PQescapeLiteral, doubles {@code '} and {@code \}; if the value has a backslash the
     * result is {@code  E'...'} with a leading space (so it is right under either standard_conforming_strings).
     */
    public static String literal(String value) {
        boolean backslash = value.indexOf('\\') >= 0;
        StringBuilder sb = new StringBuilder(value.length() + 4);
        if (backslash) {
            sb.append(" E");
        }
        sb.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** {@code :"name"}: like PQescapeIdentifier, doubles {@code "}. */
    public static String identifier(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append(c);
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * {@code :'name'} inside backquotes: psql's appendShellString, left bare when it has only {@code [A-Za-z0-9-_./:]}, else single-quoted for /bin/sh; or {@code null} when
     * the value holds a newline or carriage return (psql then leaves the reference as typed).
     */
    static String shellArg(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return null;
        }
        if (!value.isEmpty() && value.chars().allMatch(SqlQuoting::isShellSafe)) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                sb.append("'\"'\"'");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    private static boolean isShellSafe(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '/' || c == ':';
    }

    static boolean isVariableChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
    }
}
