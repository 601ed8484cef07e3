package dev.clavis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of the Payara Micro process under test, read from outside with {@code jcmd} after a full collection, so
 * the WAR needs no test-only endpoint. The process is the one the Arquillian adapter started: a descendant of this
 * JVM whose command line runs {@code payara-micro} on the port of this test run.
 */
final class ServerHeap {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ServerHeap() {}

    /** @return the bytes in use on the server's heap after two full collections */
    static long usedAfterFullGc() {
        long pid = payara().pid();
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long usedKilobytes = 0;
        for (String line : info.lines().toList()) {
            if (line.contains("Metaspace")) {
                break; // what follows is not the heap
            }
            Matcher used = USED.matcher(line);
            if (used.find()) {
                usedKilobytes += Long.parseLong(used.group(1));
            }
        }
        if (usedKilobytes == 0) {
            throw new IllegalStateException("No heap figure in GC.heap_info:\n" + info);
        }
        return usedKilobytes * 1024;
    }

    static ProcessHandle payara() {
        String port = "--port " + Clavis.uri("/").getPort();
        List<ProcessHandle> candidates = ProcessHandle.current()
                .descendants()
                .filter(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("payara-micro") && line.contains(port))
                        .orElse(false))
                .toList();
        if (candidates.size() != 1) {
            throw new IllegalStateException(
                    "Expected one Payara Micro process with " + port + " below this JVM, found " + candidates.size());
        }
        return candidates.get(0);
    }

    private static String jcmd(long pid, String command) {
        try {
            Process process = new ProcessBuilder(jcmdExecutable().toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** jcmd of the JDK running this test, else of {@code java.home}. */
    private static Path jcmdExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .map(java -> Path.of(java).resolveSibling("jcmd"))
                .filter(Files::isExecutable)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "jcmd"));
    }
}
