package dev.trackingapi.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The heap another JVM holds after a full collection (jcmd GC.run, then GC.heap_info), in megabytes. */
final class ServerMemory {
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private ServerMemory() {
    }

    static double liveHeapMegabytes(long pid) {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        long usedKilobytes = 0;
        Matcher matcher = USED.matcher(info);
        while (matcher.find()) {
            usedKilobytes += Long.parseLong(matcher.group(1));
        }
        if (usedKilobytes == 0) {
            throw new IllegalStateException("no heap figures in jcmd's answer: " + info);
        }
        return usedKilobytes / 1024.0;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
