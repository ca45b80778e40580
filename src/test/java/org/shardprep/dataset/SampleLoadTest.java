package org.shardprep.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.shardprep.TestServer;

/**
 * Loads the committed sample into a real PostgreSQL with the exercise's exact CREATE TABLE statements and
 * its four COPY commands (the part files concatenated in glob order, as {@code cat orders*.csv} does),
 * with the foreign keys in place, then checks what the keys cannot: each line item's product belongs to
 * its order's store, and each line amount is price × quantity.
 */
class SampleLoadTest {

    @Test
    void sampleLoadsWithTheExercisesTablesAndCopyCommands() throws Exception {
        TestServer.freshDatabase("dataset_sample_load");
        Path dir = SampleDataTest.SAMPLE;
        try (Connection c = TestServer.connect("dataset_sample_load"); Statement s = c.createStatement()) {
            s.execute("SET CLIENT_ENCODING TO 'utf8'");
            s.execute(TailspinSchema.DDL);
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            assertThat(copy.copyIn("COPY stores FROM STDIN WITH CSV HEADER", reader(List.of(dir.resolve("stores.csv"))))).isEqualTo(5);
            assertThat(copy.copyIn("COPY products FROM STDIN WITH CSV", reader(List.of(dir.resolve("products.csv"))))).isEqualTo(100);
            assertThat(copy.copyIn("COPY orders FROM STDIN WITH CSV", reader(GeneratedData.glob(dir, "orders")))).isEqualTo(19997);
            assertThat(copy.copyIn("COPY line_items FROM STDIN WITH CSV", reader(GeneratedData.glob(dir, "line_items")))).isEqualTo(40030);

            // the REFERENCES constraints were checked row by row during COPY; count orphans anyway
            assertThat(count(s, "select count(*) from products p left join stores s using (store_id) where s.store_id is null")).isZero();
            assertThat(count(s, "select count(*) from orders o left join stores s using (store_id) where s.store_id is null")).isZero();
            assertThat(count(s, "select count(*) from line_items li left join orders o using (order_id) where o.order_id is null")).isZero();
            assertThat(count(s, "select count(*) from line_items li left join products p using (product_id) where p.product_id is null")).isZero();
            assertThat(count(s, "select count(*) from stores s where not exists (select from products p where p.store_id = s.store_id)")).isZero();

            // what the keys cannot say
            assertThat(count(s, """
                    select count(*) from line_items li join orders o using (order_id) join products p using (product_id)
                    where p.store_id <> o.store_id or li.line_amount <> p.price * li.quantity or li.quantity not between 1 and 4""")).isZero();
            assertThat(count(s, """
                    select count(*) from (select order_id, count(*) n from line_items group by order_id) t where n not between 1 and 3""")).isZero();
            assertThat(count(s, "select count(*) from orders where ordered_at < '2022-01-01' or ordered_at >= '2023-01-01'")).isZero();
            assertThat(count(s, "select count(*) from orders where shipping_address is null")).isPositive();
            assertThat(count(s, "select count(*) from orders where shipping_address = ''")).isZero();
            assertThat(count(s, "select max(order_id) from orders")).isEqualTo(19997);
            assertThat(count(s, "select max(line_item_id) from line_items")).isEqualTo(40030);
            assertThat(count(s, "select count(*) from products where name like '%\"%'")).isPositive();
            assertThat(count(s, "select count(*) from orders where billing_address like '%San José%'")).isPositive();
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The files one after the other, as one stream (what {@code cat} gives COPY FROM PROGRAM). */
    private static Reader reader(List<Path> files) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (Path f : files) {
            streams.add(Files.newInputStream(f));
        }
        return new InputStreamReader(new SequenceInputStream(Collections.enumeration(streams)), StandardCharsets.UTF_8);
    }
}
