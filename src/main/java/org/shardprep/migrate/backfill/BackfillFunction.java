package org.shardprep.migrate.backfill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The exercise's backfill_batch(batch_size bigint), word for word (a resource copied from the exercise text),
 * for scheduling as the exercise does. Each call scans line_items from its start for NULL store_id rows.
 */
public final class BackfillFunction {

    private BackfillFunction() {}

    public static String source() {
        try (InputStream in = BackfillFunction.class.getResourceAsStream("backfill_batch.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
