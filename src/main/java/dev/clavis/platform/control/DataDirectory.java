package dev.clavis.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The folder where Clavis keeps what it generates on a first run when configuration does not provide it (today: the
 * key-encryption key). {@code clavis.data.dir}, by default {@code ~/.clavis}.
 */
@ApplicationScoped
public class DataDirectory {

    @Inject
    @ConfigProperty(name = "clavis.data.dir")
    Optional<String> configured;

    public Path path() {
        Path path = configured
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".clavis"))
                .toAbsolutePath();
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + path + " (clavis.data.dir)", e);
        }
    }
}
