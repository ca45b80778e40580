package org.shardprep.shell.session;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;

/**
 * HikariCP takes SQLSTATE 0A000 ("feature not supported") for a broken connection and closes it. PostgreSQL and
 * Citus answer plenty of ordinary refusals with it (Citus: "cannot create foreign key constraint ... not
 * supported"): the connection is fine, and closing it would hide the server's words behind "Connection is closed".
 */
public final class PoolErrors implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return "0A000".equals(e.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
    }
}
