package org.shardprep.dataset;

import org.shardprep.dataset.generator.DataGenerator;
import org.shardprep.dataset.generator.GenerationProgress;
import org.shardprep.dataset.generator.GenerationSummary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed data/sample-0.01 is exactly what the generator makes now, so it cannot drift from the code. */
class SampleDataTest {

    static final Path SAMPLE = Path.of("data", "sample-0.01");

    @Test
    void committedSampleMatchesTheGenerator(@TempDir Path fresh) throws IOException {
        GenerationSummary summary = DataGenerator.generate(0.01, DataGenerator.DEFAULT_SEED, fresh, GenerationProgress.NONE);
        try (Stream<Path> committed = Files.list(SAMPLE)) {
            assertThat(committed.map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(summary.files().stream().map(f -> f.getFileName().toString()).sorted().toList());
        }
        for (Path file : summary.files()) {
            Path committed = SAMPLE.resolve(file.getFileName());
            assertThat(Files.mismatch(committed, file))
                    .as("%s differs from the generator's output: regenerate the sample as data/README.md says", committed)
                    .isEqualTo(-1L);
        }
    }
}
