package io.circuitbreaker.llm.api.openai;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JAX-RS application of the OpenAI-compatible API under {@code /v1}. {@code /v1/chat/completions} is the
 * {@link ChatCompletionsServlet}, mapped exactly, which the servlet container prefers over this prefix mapping.
 */
@ApplicationPath("v1")
public class OpenAiRestApplication extends Application {
}
