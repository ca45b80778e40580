package org.shardprep.shell.describe;

/**
 * psql 15's describeConfigurationParameters: \dconfig[+]. Without a pattern only the parameters set to
 * something other than their default; the pattern matches the lower-cased name, dots included (custom
 * parameters have them).
 */
final class SettingQueries {

    private SettingQueries() {
    }

    static String title(String pattern) {
        return pattern != null ? "List of configuration parameters" : "List of non-default configuration parameters";
    }

    static String settings(String pattern, boolean verbose, int serverVersion, String database) throws DescribeException {
        boolean parameterAcl = serverVersion >= 150000;   // pg_parameter_acl is new in 15
        StringBuilder sql = new StringBuilder("SELECT s.name AS \"Parameter\", pg_catalog.current_setting(s.name) AS \"Value\"");
        if (verbose) {
            sql.append(", s.vartype AS \"Type\", s.context AS \"Context\", ")
                    .append(parameterAcl ? "pg_catalog.array_to_string(p.paracl, E'\\n') AS \"Access privileges\""
                            : "NULL AS \"Access privileges\"");
        }
        sql.append("\nFROM pg_catalog.pg_settings s\n");
        if (verbose && parameterAcl) {
            sql.append("  LEFT JOIN pg_catalog.pg_parameter_acl p\n  ON pg_catalog.lower(s.name) = p.parname\n");
        }
        if (pattern != null) {
            sql.append(NamePattern.where(pattern, false, false, null, "pg_catalog.lower(s.name)", null, null,
                    Integer.MAX_VALUE, database));
        } else {
            sql.append("WHERE s.source <> 'default' AND\n      s.setting IS DISTINCT FROM s.boot_val\n");
        }
        return sql.append("ORDER BY 1;").toString();
    }
}
