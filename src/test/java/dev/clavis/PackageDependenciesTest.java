package dev.clavis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency arrows between Clavis's top-level packages, read from the imports of the main sources: features
 * stand on {@code platform}, {@code wiring} stands on the features, and no two features import each other.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/clavis");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?dev\\.clavis\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** package -> the other Clavis packages it imports */
    private static Map<String, Set<String>> imports;

    @BeforeAll
    static void readImports() throws IOException {
        imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // dev/clavis/package-info.java
                }
                String owner = relative.getName(0).toString();
                Set<String> used = imports.computeIfAbsent(owner, key -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(read(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(owner)) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
    }

    @Test
    void platformWhenReadThenImportsNoOtherClavisPackage() {
        assertEquals(Set.of(), imports.get("platform"));
    }

    @Test
    void wiringWhenReadThenImportedByNoPackage() {
        imports.forEach((owner, used) -> assertFalse(used.contains("wiring"), owner + " imports wiring"));
    }

    @Test
    void featuresWhenReadThenNoTwoImportEachOther() {
        List<String> cycles = new ArrayList<>();
        imports.forEach((owner, used) -> used.forEach(other -> {
            if (imports.getOrDefault(other, Set.of()).contains(owner) && owner.compareTo(other) < 0) {
                cycles.add(owner + " <-> " + other);
            }
        }));
        assertEquals(List.of(), cycles);
    }

    @Test
    void featuresWhenReadThenNoLongerCycle() {
        for (String start : imports.keySet()) {
            assertFalse(reaches(start, start, new TreeSet<>()), "a cycle runs through " + start + ": " + imports);
        }
    }

    @Test
    void sampleWhenReadThenStandsAlone() {
        assertTrue(imports.get("sample").isEmpty(), "the sample API is a resource server like any other");
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
