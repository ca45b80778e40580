package org.shardprep.schedule;

import org.shardprep.command.DatabaseKey;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A database's jobs and its last runs, in one JSON file per server and database:
 * {@code ~/.shardprep/jobs/<host>_<port>_<db>.json} (see DatabaseKey). Written whole (to a temporary file, then moved).
 */
public final class JobStore {

    /** Runs kept in the file; the rest of the history lives only as long as the shell. */
    public static final int KEPT_RUNS = 100;

    /** What the file holds. */
    public record Saved(long nextJobId, long nextRunId, List<SavedJob> jobs, List<SavedRun> runs) {
        public static Saved empty() { return new Saved(1, 1, List.of(), List.of()); }
    }

    public record SavedJob(long id, String name, String schedule, String command, boolean active) {}

    /** A run, its times in epoch milliseconds (end null while it runs). */
    public record SavedRun(long runId, long jobId, String jobName, String command, String status,
                           long start, Long end, String message) {
        static SavedRun of(JobRun r) {
            return new SavedRun(r.runId(), r.jobId(), r.jobName(), r.command(), r.status(), r.start().toEpochMilli(),
                    r.end() == null ? null : r.end().toEpochMilli(), r.message());
        }

        JobRun toRun() {
            return new JobRun(runId, jobId, jobName, command, status, java.time.Instant.ofEpochMilli(start),
                    end == null ? null : java.time.Instant.ofEpochMilli(end), message);
        }
    }

    /** Made on first use: a script on a database without jobs never loads Jackson (startup time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final Path file;

    public JobStore(Path file) {
        this.file = file;
    }

    /** The file for a server and database under {@code stateDir}. */
    public static JobStore forDatabase(Path stateDir, org.shardprep.command.DatabaseKey key) {
        return new JobStore(stateDir.resolve("jobs").resolve(key.fileName() + ".json"));
    }

    public Path file() { return file; }

    public Saved load() throws IOException {
        if (!Files.exists(file)) return Saved.empty();
        Saved s = Json.MAPPER.readValue(file.toFile(), Saved.class);
        return new Saved(s.nextJobId(), s.nextRunId(), s.jobs() == null ? List.of() : s.jobs(), s.runs() == null ? List.of() : s.runs());
    }

    public void save(Saved saved) throws IOException {
        List<SavedRun> runs = saved.runs();
        if (runs.size() > KEPT_RUNS) runs = new ArrayList<>(runs.subList(runs.size() - KEPT_RUNS, runs.size()));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Json.MAPPER.writeValue(tmp.toFile(), new Saved(saved.nextJobId(), saved.nextRunId(), saved.jobs(), runs));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
