package dev.trackingapi.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Figure 6: the deployment package of functions/ as `sam build` lays it out for a Maven project (the classes at the
 * root, every runtime dependency under lib/), zipped as Lambda receives it.
 */
public final class ArtifactSize {
    private ArtifactSize() {
    }

    public record Result(long zipBytes, int dependencyJars) {
        public double megabytes() {
            return zipBytes / (1024.0 * 1024.0);
        }
    }

    public static Result measure(Path repository) {
        Path target = repository.resolve("functions/target");
        Path jar = Classpaths.jarOf(target, "tracking-functions");
        String[] dependencies;
        try {
            dependencies = Files.readString(target.resolve("runtime-classpath.txt")).trim().split(java.io.File.pathSeparator);
        } catch (IOException e) {
            throw new IllegalStateException("build functions first", e);
        }
        CountingStream counted = new CountingStream();
        try (ZipOutputStream zip = new ZipOutputStream(counted); JarFile classes = new JarFile(jar.toFile())) {
            for (Enumeration<java.util.jar.JarEntry> entries = classes.entries(); entries.hasMoreElements(); ) {
                java.util.jar.JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && !entry.getName().startsWith("META-INF/")) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    classes.getInputStream(entry).transferTo(zip);
                    zip.closeEntry();
                }
            }
            for (String dependency : dependencies) {
                Path file = Path.of(dependency);
                zip.putNextEntry(new ZipEntry("lib/" + file.getFileName()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot zip the deployment package", e);
        }
        return new Result(counted.count, dependencies.length);
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
