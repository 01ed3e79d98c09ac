package io.circuitbreaker.llm.registry;

import io.circuitbreaker.llm.catalog.CatalogFormatException;
import io.circuitbreaker.llm.catalog.litellm.LiteLlmPriceMapReader;
import io.circuitbreaker.llm.catalog.litellm.PriceMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/** The price map named by {@code llm.catalog.import}: a file in LiteLLM's format applied at every start. */
final class StartupPriceMap {

    static final String SETTING = "llm.catalog.import";

    private StartupPriceMap() {
    }

    static Optional<Path> path() {
        return ConfigProvider.getConfig().getOptionalValue(SETTING, String.class).map(String::trim)
                .filter(v -> !v.isEmpty()).map(Path::of);
    }

    static PriceMap read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CatalogFormatException(SETTING + " names " + file + ", which is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return LiteLlmPriceMapReader.read(in, LocalDate.now(ZoneOffset.UTC));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
