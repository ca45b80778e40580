package org.shardprep.dataset.loader;

import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/** `load-all --from URL`: the file downloaded once into a cache (following redirects, as curl -L does). */
final class Download {
    private Download() {}

    static Path fetch(CommandContext session, String url, Path cacheDir) {
        String name = URI.create(url).getPath();
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isBlank()) name = "download.zip";
        Path target = cacheDir.resolve(name);
        if (Files.isRegularFile(target)) return target;
        try {
            Files.createDirectories(cacheDir);
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new CommandError(url + ": HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Path partial = cacheDir.resolve(name + ".part");
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                byte[] buf = new byte[1 << 16];
                long done = 0;
                int n;
                var line = session.console().progress();
                while ((n = in.read(buf)) > 0) {
                    if (session.interrupted()) throw new CommandError("download cancelled");
                    out.write(buf, 0, n);
                    done += n;
                    line.update(bar(name, done, total));
                }
                line.update(name + ": downloaded", true);
                line.done(true);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new CommandError(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandError("download interrupted");
        }
    }

    private static String bar(String name, long done, long total) {
        if (total <= 0) return String.format(Locale.ROOT, "%s: %.1f MB", name, done / 1_048_576.0);
        int cells = 30;
        int full = (int) (cells * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %.1f/%.1f MB", name, "#".repeat(full), ".".repeat(cells - full),
                100 * done / total, done / 1_048_576.0, total / 1_048_576.0);
    }
}
