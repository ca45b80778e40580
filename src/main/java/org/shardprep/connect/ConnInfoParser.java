package org.shardprep.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses a libpq connection string, in either of its two forms: keyword/value
 * ({@code host=h dbname='my db'}) or URI ({@code postgresql://u:p@h:5432/db?sslmode=require}).
 * A port of conninfo_parse / conninfo_uri_parse_options from libpq 15's fe-connect.c, so that
 * quoting, escapes, decoding and error messages match what psql users expect.
 *
 * <p>The result holds only the keywords the string set, in the order first set; values may be
 * empty strings (libpq keeps them, and an empty value still blocks the environment default).
 */
public final class ConnInfoParser {

    private static final String[] URI_PREFIXES = {"postgresql://", "postgres://"};

    private ConnInfoParser() {
    }

    /** psql's rule (recognized_connection_string): a URI prefix or any '=' makes it a connection string. */
    public static boolean looksLikeConnInfo(String arg) {
        return arg != null && (uriPrefixLength(arg) > 0 || arg.indexOf('=') >= 0);
    }

    public static Map<String, String> parse(String conninfo) {
        if (conninfo == null) {
            return new LinkedHashMap<>();
        }
        return uriPrefixLength(conninfo) > 0 ? parseUri(conninfo) : parseKeywordValue(conninfo);
    }

    static int uriPrefixLength(String s) {
        for (String prefix : URI_PREFIXES) {
            if (s.startsWith(prefix)) {
                return prefix.length();
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- keyword/value

    private static Map<String, String> parseKeywordValue(String s) {
        Map<String, String> result = new LinkedHashMap<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            // The name runs to '=' or whitespace; whitespace may sit between name and '='.
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && !isSpace(s.charAt(i))) {
                i++;
            }
            String name = s.substring(nameStart, i);
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                throw new ConnInfoException("missing \"=\" after \"" + name + "\" in connection info string");
            }
            i++;
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                // Quoted: runs to the next unescaped quote; a backslash takes the next char literally.
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ConnInfoException("unterminated quoted string in connection info string");
                    }
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            } else {
                // Unquoted: runs to whitespace; backslash escapes still apply.
                while (i < n && !isSpace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\') {
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                    } else {
                        value.append(c);
                    }
                }
            }
            store(result, name, value.toString());
        }
        return result;
    }

    /** libpq's isspace() in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** conninfo_storeval: keyword check, requiressl rewrite, early sslmode check. */
    private static void store(Map<String, String> result, String keyword, String value) {
        if (keyword.equals("requiressl")) {
            // Deprecated libpq keyword still accepted: '1...' means require, anything else prefer.
            keyword = "sslmode";
            value = value.startsWith("1") ? "require" : "prefer";
        }
        if (!LibpqKeywords.isKeyword(keyword)) {
            throw new ConnInfoException("invalid connection option \"" + keyword + "\"");
        }
        LibpqKeywords.validate(keyword, value);
        result.put(keyword, value);
    }

    // ---------------------------------------------------------------- URI

    private static Map<String, String> parseUri(String uri) {
        Map<String, String> result = new LinkedHashMap<>();
        int n = uri.length();
        int start = uriPrefixLength(uri);
        int p = start;

        // user[:password]@ — only if an '@' comes before the first '/'.
        while (p < n && uri.charAt(p) != '@' && uri.charAt(p) != '/') {
            p++;
        }
        if (p < n && uri.charAt(p) == '@') {
            int at = p;
            int q = start;
            while (q < at && uri.charAt(q) != ':') {
                q++;
            }
            String user = uri.substring(start, q);
            if (!user.isEmpty()) {
                result.put("user", decode(user));
            }
            if (q < at) {
                String password = uri.substring(q + 1, at);
                if (!password.isEmpty()) {
                    result.put("password", decode(password));
                }
            }
            p = at + 1;
        } else {
            p = start;
        }

        // host[:port] pairs separated by commas; an empty host keeps its place in the list.
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        char terminator;
        while (true) {
            String host;
            if (p < n && uri.charAt(p) == '[') {
                int hostStart = ++p;
                while (p < n && uri.charAt(p) != ']') {
                    p++;
                }
                if (p >= n) {
                    throw new ConnInfoException("end of string reached when looking for matching \"]\" in IPv6 host address in URI: \"" + uri + "\"");
                }
                if (p == hostStart) {
                    throw new ConnInfoException("IPv6 host address may not be empty in URI: \"" + uri + "\"");
                }
                host = uri.substring(hostStart, p);
                p++;
                if (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    throw new ConnInfoException("unexpected character \"" + uri.charAt(p) + "\" at position " + (p + 1)
                            + " in URI (expected \":\" or \"/\"): \"" + uri + "\"");
                }
            } else {
                int hostStart = p;
                while (p < n && ":/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                host = uri.substring(hostStart, p);
            }
            hosts.append(host);
            terminator = p < n ? uri.charAt(p) : 0;
            if (terminator == ':') {
                int portStart = ++p;
                while (p < n && "/?,".indexOf(uri.charAt(p)) < 0) {
                    p++;
                }
                ports.append(uri, portStart, p);
                terminator = p < n ? uri.charAt(p) : 0;
            }
            if (terminator != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
        }
        if (hosts.length() > 0) {
            result.put("host", decode(hosts.toString()));
        }
        if (ports.length() > 0) {
            result.put("port", decode(ports.toString()));
        }

        if (terminator != 0 && terminator != '?') {
            // terminator is '/': the database name runs to '?'.
            int dbStart = ++p;
            while (p < n && uri.charAt(p) != '?') {
                p++;
            }
            String dbname = uri.substring(dbStart, p);
            // An empty path sets nothing, so PGDATABASE still applies (libpq's own comment).
            if (!dbname.isEmpty()) {
                result.put("dbname", decode(dbname));
            }
            terminator = p < n ? uri.charAt(p) : 0;
        }
        if (terminator != 0) {
            parseQuery(uri.substring(p + 1), result);
        }
        return result;
    }

    private static void parseQuery(String params, Map<String, String> result) {
        int n = params.length();
        int p = 0;
        while (p < n) {
            int kwStart = p;
            int eq = -1;
            while (p < n && params.charAt(p) != '&') {
                if (params.charAt(p) == '=') {
                    if (eq >= 0) {
                        throw new ConnInfoException("extra key/value separator \"=\" in URI query parameter: \""
                                + params.substring(kwStart, eq) + "\"");
                    }
                    eq = p;
                }
                p++;
            }
            if (eq < 0) {
                throw new ConnInfoException("missing key/value separator \"=\" in URI query parameter: \""
                        + params.substring(kwStart, p) + "\"");
            }
            String keyword = decode(params.substring(kwStart, eq));
            String value = decode(params.substring(eq + 1, p));
            if (p < n) {
                p++; // past '&'
            }
            // JDBC habit that libpq accepts too.
            if (keyword.equals("ssl") && value.equals("true")) {
                keyword = "sslmode";
                value = "require";
            }
            if (!keyword.equals("requiressl") && !LibpqKeywords.isKeyword(keyword)) {
                throw new ConnInfoException("invalid URI query parameter: \"" + keyword + "\"");
            }
            store(result, keyword, value);
        }
    }

    /** conninfo_uri_decode: %XX to bytes (UTF-8), %00 forbidden; '+' stays '+'. */
    static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != '%') {
                out.write(b);
                continue;
            }
            int hi = i + 1 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
            int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                throw new ConnInfoException("invalid percent-encoded token: \"" + s + "\"");
            }
            int c = (hi << 4) | lo;
            if (c == 0) {
                throw new ConnInfoException("forbidden value %00 in percent-encoded value: \"" + s + "\"");
            }
            out.write(c);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
