package org.shardprep.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The connection keywords of libpq 15 and the environment variable that
 * supplies each one's default (PQconninfoOptions in fe-connect.c). Kept in
 * one table so that the parser, the service file and the resolver agree on
 * what is a valid keyword.
 */
public final class LibpqKeywords {

    /** keyword -> environment variable (null when libpq reads none). Order as in libpq. */
    private static final Map<String, String> ENV_BY_KEYWORD;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("service", "PGSERVICE");
        m.put("user", "PGUSER");
        m.put("password", "PGPASSWORD");
        m.put("passfile", "PGPASSFILE");
        m.put("channel_binding", "PGCHANNELBINDING");
        m.put("connect_timeout", "PGCONNECT_TIMEOUT");
        m.put("dbname", "PGDATABASE");
        m.put("host", "PGHOST");
        m.put("hostaddr", "PGHOSTADDR");
        m.put("port", "PGPORT");
        m.put("client_encoding", "PGCLIENTENCODING");
        m.put("options", "PGOPTIONS");
        m.put("application_name", "PGAPPNAME");
        m.put("fallback_application_name", null);
        m.put("keepalives", null);
        m.put("keepalives_idle", null);
        m.put("keepalives_interval", null);
        m.put("keepalives_count", null);
        m.put("tcp_user_timeout", null);
        m.put("sslmode", "PGSSLMODE");
        m.put("sslcompression", "PGSSLCOMPRESSION");
        m.put("sslcert", "PGSSLCERT");
        m.put("sslkey", "PGSSLKEY");
        m.put("sslpassword", null);
        m.put("sslrootcert", "PGSSLROOTCERT");
        m.put("sslcrl", "PGSSLCRL");
        m.put("sslcrldir", "PGSSLCRLDIR");
        m.put("sslsni", "PGSSLSNI");
        m.put("requirepeer", "PGREQUIREPEER");
        m.put("ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION");
        m.put("ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION");
        m.put("gssencmode", "PGGSSENCMODE");
        m.put("krbsrvname", "PGKRBSRVNAME");
        m.put("gsslib", "PGGSSLIB");
        m.put("replication", null);
        m.put("target_session_attrs", "PGTARGETSESSIONATTRS");
        ENV_BY_KEYWORD = Collections.unmodifiableMap(m);
    }

    public static final Set<String> SSLMODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public static final Set<String> TARGET_SESSION_ATTRS =
            Set.of("any", "read-write", "read-only", "primary", "standby", "prefer-standby");

    private LibpqKeywords() {
    }

    public static boolean isKeyword(String keyword) {
        return ENV_BY_KEYWORD.containsKey(keyword);
    }

    /** All keywords, in libpq's order. */
    public static Set<String> keywords() {
        return ENV_BY_KEYWORD.keySet();
    }

    /** The environment variable libpq reads for this keyword, or null. */
    public static String envVar(String keyword) {
        return ENV_BY_KEYWORD.get(keyword);
    }

    /** libpq checks enumerated values only when it connects; we check them wherever a value is final. */
    static void validate(String keyword, String value) {
        if (value == null) {
            return;
        }
        if (keyword.equals("sslmode") && !SSLMODES.contains(value)) {
            throw new ConnInfoException("invalid sslmode value: \"" + value + "\"");
        }
        if (keyword.equals("target_session_attrs") && !TARGET_SESSION_ATTRS.contains(value)) {
            throw new ConnInfoException("invalid target_session_attrs value: \"" + value + "\"");
        }
    }
}
