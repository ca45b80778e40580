package org.shardprep.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The exercise's create_orders(batch_size) function, word for word (kept as resources copied from the exercise
 * text): version 1 from "Create and run a function to add orders", version 2 from "Update application
 * queries", whose line items also carry store_id.
 */
public final class CreateOrdersFunction {

    private CreateOrdersFunction() {}

    public static String source(int version) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("create_orders has versions 1 and 2, not " + version);
        }
        try (InputStream in = CreateOrdersFunction.class.getResourceAsStream("create_orders_v" + version + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version 2 once line_items has store_id (the exercise's order of steps), else version 1. */
    public static int versionFor(Connection c) throws SQLException {
        return lineItemsHaveStoreId(c) ? 2 : 1;
    }

    public static void install(Connection c, int version) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(source(version));
        }
    }

    /** Whether line_items (as the search path finds it) has a store_id column. */
    public static boolean lineItemsHaveStoreId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_attribute "
                     + "WHERE attrelid = to_regclass('line_items') AND attname = 'store_id' AND NOT attisdropped)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
