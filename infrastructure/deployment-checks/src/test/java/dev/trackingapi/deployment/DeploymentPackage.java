package dev.trackingapi.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The deployment package this module assembles (target/tracking-functions-lambda.zip): what `sam deploy` uploads. */
final class DeploymentPackage {
    private DeploymentPackage() {
    }

    static Path zip() {
        String zip = System.getProperty("lambda.zip");
        if (zip == null) {
            throw new IllegalStateException("lambda.zip is set by the failsafe configuration of this module");
        }
        return Path.of(zip);
    }

    /** The file entries (no directories) of the package, sorted. */
    static List<String> files() throws IOException {
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            TreeSet<String> names = new TreeSet<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                if (!entry.isDirectory()) {
                    names.add(entry.getName());
                }
            }
            return List.copyOf(names);
        }
    }

    static long uncompressedBytes() throws IOException {
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            return Collections.list(zip.entries()).stream().mapToLong(ZipEntry::getSize).sum();
        }
    }
}
