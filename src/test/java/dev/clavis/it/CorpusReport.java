package dev.clavis.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the corpus saw: answers per endpoint and status, and every rule broken, grouped so that one defect met a
 * thousand times is one line with a count and its first example.
 */
final class CorpusReport {

    private record Example(String request, String answer) {}

    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> violationCounts = new ConcurrentHashMap<>();
    private final Map<String, Example> examples = new ConcurrentHashMap<>();
    private final LongAdder anonymousSessions = new LongAdder();

    void count(String endpoint, int status) {
        counts.computeIfAbsent(endpoint, e -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new LongAdder())
                .increment();
    }

    void anonymousSessionCreated() {
        anonymousSessions.increment();
    }

    /** @param answer the answer in one line, secrets masked ({@link AnswerRules#summary}) */
    void violation(String rule, HostileRequest request, int status, String answer) {
        String key = rule + " | " + request.endpoint() + " | " + request.what() + " | " + status;
        violationCounts.computeIfAbsent(key, k -> new LongAdder()).increment();
        examples.computeIfAbsent(key, k -> new Example(request.describe(), answer));
    }

    long total() {
        return counts.values().stream()
                .flatMap(byStatus -> byStatus.values().stream())
                .mapToLong(LongAdder::sum)
                .sum();
    }

    /** @return one line per distinct violation, with its count and first example */
    List<String> violations() {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(violationCounts)
                .forEach((key, count) -> lines.add(count.sum() + "x " + key + "\n      request: "
                        + examples.get(key).request() + "\n      answer:  "
                        + examples.get(key).answer()));
        return lines;
    }

    /** The counts as a table: a row per endpoint, a column per status (0: no answer). */
    String table() {
        TreeSet<Integer> statuses = new TreeSet<>();
        counts.values().forEach(byStatus -> statuses.addAll(byStatus.keySet()));
        StringBuilder table = new StringBuilder(String.format("%-16s", "endpoint"));
        statuses.forEach(status -> table.append(String.format("%7d", status)));
        table.append(String.format("%9s%n", "total"));
        long[] columnTotals = new long[statuses.size()];
        new TreeMap<>(counts).forEach((endpoint, byStatus) -> {
            table.append(String.format("%-16s", endpoint));
            long rowTotal = 0;
            int column = 0;
            for (int status : statuses) {
                long n = byStatus.containsKey(status) ? byStatus.get(status).sum() : 0;
                table.append(n == 0 ? String.format("%7s", "·") : String.format("%7d", n));
                columnTotals[column++] += n;
                rowTotal += n;
            }
            table.append(String.format("%9d%n", rowTotal));
        });
        table.append(String.format("%-16s", "total"));
        for (long n : columnTotals) {
            table.append(String.format("%7d", n));
        }
        table.append(String.format("%9d%n", total()));
        table.append("anonymous answers that set a session cookie: ")
                .append(anonymousSessions.sum())
                .append('\n');
        return table.toString();
    }
}
