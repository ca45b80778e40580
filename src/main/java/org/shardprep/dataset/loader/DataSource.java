package org.shardprep.dataset.loader;

import org.shardprep.dataset.TailspinSchema;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of a data set, found by the exercise's globs in a directory or in a zip (the real data.zip:
 * its entries are read in place, nothing is unpacked). Files of one table come in name order, as
 * `cat orders*.csv` reads them.
 */
public final class DataSource implements AutoCloseable {

    private final String description;
    private final Map<String, List<DataFile>> files;
    private final ZipFile zip;

    private DataSource(String description, Map<String, List<DataFile>> files, ZipFile zip) {
        this.description = description;
        this.files = files;
        this.zip = zip;
    }

    public static DataSource open(Path path) throws IOException {
        if (Files.isDirectory(path)) return directory(path);
        if (Files.isRegularFile(path)) return zip(path);
        throw new IOException(path + ": No such file or directory");
    }

    private static DataSource directory(Path dir) throws IOException {
        Map<String, List<DataFile>> found = emptyTables();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path p : entries) {
                String table = TailspinSchema.tableOfFile(p.getFileName().toString());
                if (table != null) found.get(table).add(new DataFile(table, p.toString(), Files.size(p), () -> Files.newInputStream(p)));
            }
        }
        return new DataSource(dir.toString(), sorted(found), null);
    }

    private static DataSource zip(Path file) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a directory or a zip file");
        }
        Map<String, List<DataFile>> found = emptyTables();
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
            if (entry.isDirectory()) continue;
            String table = TailspinSchema.tableOfFile(entry.getName());
            if (table == null || entry.getName().contains("__MACOSX")) continue;
            found.get(table).add(new DataFile(table, file.getFileName() + ":" + entry.getName(), entry.getSize(),
                    () -> zip.getInputStream(entry)));
        }
        return new DataSource(file.toString(), sorted(found), zip);
    }

    private static Map<String, List<DataFile>> emptyTables() {
        Map<String, List<DataFile>> m = new LinkedHashMap<>();
        for (String t : TailspinSchema.TABLES) m.put(t, new ArrayList<>());
        return m;
    }

    private static Map<String, List<DataFile>> sorted(Map<String, List<DataFile>> found) {
        found.values().forEach(list -> list.sort(Comparator.comparing(DataFile::name)));
        return found;
    }

    /** Fails with one line when a table has no file at all: loading three tables of four is no data set. */
    public void requireAllTables() throws IOException {
        List<String> missing = new ArrayList<>();
        files.forEach((table, list) -> { if (list.isEmpty()) missing.add(table); });
        if (!missing.isEmpty()) {
            throw new IOException(description + " has no data for " + String.join(", ", missing)
                    + " (expected stores.csv, products.csv, orders*.csv, line_items*.csv)");
        }
    }

    public Map<String, List<DataFile>> files() { return files; }

    public List<DataFile> allFiles() {
        List<DataFile> all = new ArrayList<>();
        files.values().forEach(all::addAll);
        return all;
    }

    public long totalBytes(String table) {
        return files.get(table).stream().mapToLong(f -> Math.max(0, f.size())).sum();
    }

    @Override
    public void close() throws IOException {
        if (zip != null) zip.close();
    }
}
