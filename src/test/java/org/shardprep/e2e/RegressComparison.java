package org.shardprep.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Two outputs of one script run with {@code -a} (psql's and shardprep's), compared piece by piece: each output
 * is cut at the echo of each input line, so a piece is what one input line printed. A difference in one piece
 * (a missing \d variant's table) then does not hide the agreement or disagreement of everything after it, and
 * a known difference can be named by its input line, which does not move when other output changes.
 */
record RegressComparison(String file, List<String> input, List<String> expected, List<String> actual,
        Map<Integer, Piece> expectedPieces, Map<Integer, Piece> actualPieces) {

    /** What input line {@code inputLine} (1-based; 0 before the first echo) printed, from output line {@code start}. */
    record Piece(int inputLine, int start, List<String> lines) {}

    /** How far the echo of the next input line may be: COPY data lines in the script are read, not echoed. */
    private static final int LOOKAHEAD = 8;

    static RegressComparison of(String file, List<String> input, List<String> expected, List<String> actual) {
        return new RegressComparison(file, input, expected, actual, pieces(input, expected), pieces(input, actual));
    }

    private static Map<Integer, Piece> pieces(List<String> input, List<String> output) {
        Map<Integer, Piece> pieces = new LinkedHashMap<>();
        Piece current = new Piece(0, 1, new ArrayList<>());
        pieces.put(0, current);
        int next = 0;   // index of the next input line to be echoed
        for (int i = 0; i < output.size(); i++) {
            String line = output.get(i);
            int echoed = -1;
            for (int k = 0; k < LOOKAHEAD && next + k < input.size(); k++) {
                if (input.get(next + k).equals(line) && (k == 0 || !line.isBlank())) {
                    echoed = next + k;
                    break;
                }
            }
            if (echoed < 0) {
                current.lines().add(line);
                continue;
            }
            next = echoed + 1;
            current = new Piece(next, i + 1, new ArrayList<>(List.of(line)));
            pieces.put(next, current);
        }
        return pieces;
    }

    /** The input lines whose pieces differ (one side missing counts), in order. */
    Set<Integer> differingInputLines() {
        Set<Integer> all = new TreeSet<>(expectedPieces.keySet());
        all.addAll(actualPieces.keySet());
        Set<Integer> differing = new TreeSet<>();
        for (int n : all) {
            Piece e = expectedPieces.get(n);
            Piece a = actualPieces.get(n);
            if (e == null || a == null || !e.lines().equals(a.lines())) differing.add(n);
        }
        return differing;
    }

    /** The lines of psql's output in pieces that agree. */
    int identicalLines() {
        int n = 0;
        for (Map.Entry<Integer, Piece> e : expectedPieces.entrySet()) {
            Piece a = actualPieces.get(e.getKey());
            if (a != null && a.lines().equals(e.getValue().lines())) n += a.lines().size();
        }
        return n;
    }

    String summary() {
        return identicalLines() + "/" + expected.size() + " lines identical, " + differingInputLines().size() + " input lines print otherwise";
    }

    /** The first differing line of input line {@code n}'s piece: both output line numbers, psql's line and ours. */
    String report(int n) {
        Piece e = expectedPieces.get(n);
        Piece a = actualPieces.get(n);
        List<String> el = e == null ? List.of() : e.lines();
        List<String> al = a == null ? List.of() : a.lines();
        int i = 0;
        while (i < el.size() && i < al.size() && el.get(i).equals(al.get(i))) i++;
        String where = n == 0 ? "before the first input line" : "input line " + n + " (" + input.get(n - 1).strip() + ")";
        return file + ": " + where + " prints otherwise (" + summary() + ")\n"
                + "  psql, line " + (e == null ? "-" : e.start() + i) + ":      " + line(el, i) + "\n"
                + "  shardprep, line " + (a == null ? "-" : a.start() + i) + ": " + line(al, i);
    }

    private static String line(List<String> lines, int i) {
        return i < lines.size() ? "\"" + lines.get(i) + "\"" : "(nothing more)";
    }
}
