package io.circuitbreaker.llm.spi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an {@link LlmProviderClient} bean by the protocol it speaks. The router selects adapters with
 * {@code @Any Instance<LlmProviderClient>} and {@link Literal#of(ProviderType)}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface LlmProvider {

    ProviderType value();

    /** The qualifier as a value, for programmatic lookup. */
    final class Literal extends AnnotationLiteral<LlmProvider> implements LlmProvider {

        private static final long serialVersionUID = 1L;

        private final ProviderType value;

        private Literal(ProviderType value) {
            this.value = value;
        }

        public static Literal of(ProviderType type) {
            return new Literal(type);
        }

        @Override
        public ProviderType value() {
            return value;
        }
    }
}
