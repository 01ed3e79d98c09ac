package io.circuitbreaker.llm.api.graphql.servlet;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Completes the SDL served at {@code /graphql/schema.graphql} with the scalars it uses. Why: Liberty 26.0.0.3 builds
 * the engine's configuration itself, with {@code includeScalarsInSchema} false (the MicroProfile Config key
 * {@code smallrye.graphql.schema.includeScalars} is not read), so the printed schema declares no custom scalar while
 * its fields are of type {@code BigDecimal} and {@code BigInteger}; graphql-js's {@code buildSchema} and other SDL
 * tools refuse such a document.
 */
final class SchemaDocument {

    private SchemaDocument() {
    }

    /** {@code sdl} with a {@code scalar} declaration added for each of {@code scalars} it uses but does not declare. */
    static String complete(String sdl, Collection<String> scalars) {
        StringBuilder missing = new StringBuilder();
        for (String scalar : scalars) {
            String name = Pattern.quote(scalar);
            boolean used = Pattern.compile("(?<![_A-Za-z0-9])" + name + "(?![_A-Za-z0-9])").matcher(sdl).find();
            boolean declared = Pattern.compile("(?m)^\\s*scalar\\s+" + name + "(?![_A-Za-z0-9])").matcher(sdl).find();
            if (used && !declared) {
                missing.append("scalar ").append(scalar).append("\n\n");
            }
        }
        if (missing.isEmpty()) {
            return sdl;
        }
        String separator = sdl.isEmpty() || sdl.endsWith("\n\n") ? "" : sdl.endsWith("\n") ? "\n" : "\n\n";
        return sdl + separator + missing.toString().stripTrailing() + "\n";
    }
}
