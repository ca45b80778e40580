package org.shardprep.migrate.keyswap;

import org.shardprep.sql.scan.LeadingWords;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.MetaCommandSyntax;
import org.shardprep.sql.scan.StatementScanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exercise's own key swap, word for word ("Update table keys to include the distribution column",
 * kept as a resource copied from the exercise text): three CREATE UNIQUE INDEX CONCURRENTLY, then three
 * transactions (orders, products, line_items). The side-by-side lesson runs it, and the tests run it as the
 * reference end state.
 */
public final class ExerciseKeySwap {

    private ExerciseKeySwap() {}

    /** One of the exercise's six steps: a CREATE INDEX, or a BEGIN ... COMMIT block with its statements. */
    public record Step(String label, List<String> statements) {}

    private static final Pattern ALTERED = Pattern.compile("ALTER\\s+TABLE\\s+(\\S+)", Pattern.CASE_INSENSITIVE);

    public static String text() {
        try (InputStream in = ExerciseKeySwap.class.getResourceAsStream("swap_pk_exercise.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements as psql would send them (split by the shell's scanner), grouped into the six steps. */
    public static List<Step> steps() {
        return steps(text());
    }

    static List<Step> steps(String text) {
        List<String> statements = new ArrayList<>();
        StatementScanner scanner = new StatementScanner(MetaCommandSyntax.NONE);
        ScanListener listener = new ScanListener() {
            @Override
            public void onStatement(String sql, int firstLine) {
                statements.add(sql);
            }

            @Override
            public void onMetaCommand(MetaCommand command) {
                throw new IllegalStateException("the exercise's key swap has no backslash commands");
            }
        };
        for (String line : text.split("\n", -1)) scanner.feedLine(line, listener);
        scanner.finish();

        List<Step> steps = new ArrayList<>();
        List<String> block = null;
        for (String sql : statements) {
            String word = LeadingWords.first(sql);
            if (word.equals("begin")) {
                block = new ArrayList<>(List.of(sql));
            } else if (block != null) {
                block.add(sql);
                if (word.equals("commit")) {
                    steps.add(new Step("BEGIN ... COMMIT: " + alteredFirst(block), block));
                    block = null;
                }
            } else {
                steps.add(new Step(sql.strip().replaceAll("\\s+", " ").replaceAll(";$", ""), List.of(sql)));
            }
        }
        return List.copyOf(steps);
    }

    private static String alteredFirst(List<String> block) {
        for (String sql : block) {
            Matcher m = ALTERED.matcher(sql);
            if (m.find()) return "the primary key of " + m.group(1);
        }
        return "transaction";
    }
}
