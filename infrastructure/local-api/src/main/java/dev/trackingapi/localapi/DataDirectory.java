package dev.trackingapi.localapi;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The directory DynamoDB Local persists to: created if absent, checked readable and writable before anything
 * starts, and locked for as long as the API runs, so that two local APIs never share one database file.
 */
final class DataDirectory implements AutoCloseable {
    private static final String LOCK_FILE = ".local-api.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** @throws LocalApiException when the directory cannot be created, read, written or locked */
    static DataDirectory open(Path requested) {
        Path path = requested.toAbsolutePath().normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new LocalApiException("data directory " + path + " is a file, not a directory");
        }
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new LocalApiException("data directory " + path + " cannot be created: " + describe(e));
        }
        if (!Files.isReadable(path) || !Files.isWritable(path) || !Files.isExecutable(path)) {
            throw new LocalApiException("data directory " + path + " is not readable and writable by this user");
        }
        try {
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new LocalApiException("data directory " + path + " is not writable: " + describe(e));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            return new DataDirectory(path, channel, lock);
        } catch (OverlappingFileLockException inUse) {
            closeQuietly(channel);
            throw new LocalApiException("data directory " + path + " is in use by another local API; stop it, or"
                    + " pass --data-dir DIR or --in-memory");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new LocalApiException("data directory " + path + " cannot be locked: " + describe(e));
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
