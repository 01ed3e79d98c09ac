package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.circuitbreaker.llm.catalog.CatalogReader;
import io.circuitbreaker.llm.catalog.ModelDefinition;
import io.circuitbreaker.llm.model.Embedding;
import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingResponse;
import io.circuitbreaker.llm.model.Usage;
import io.circuitbreaker.llm.routing.Deployment;
import io.circuitbreaker.llm.routing.RoutedEmbeddings;
import io.circuitbreaker.llm.spi.ProviderType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingsWriterTest {

    private static RoutedEmbeddings routed(String upstreamModel) {
        ModelDefinition model = CatalogReader.defaultCatalog().stream().flatMap(p -> p.models().stream())
                .filter(m -> m.id().equals("gemini-embedding-001")).findFirst().orElseThrow();
        Deployment deployment = new Deployment("google", ProviderType.GOOGLE, "https://g.test", "google", model,
                true, 1);
        EmbeddingResponse response = new EmbeddingResponse(upstreamModel, List.of(
                new Embedding(0, new float[] {0.1f, -2.0f, 0.0023064255f}), new Embedding(1, new float[] {1e-7f})),
                Usage.of(9, 0), true);
        return new RoutedEmbeddings(response, deployment, List.of(), Optional.empty(), null);
    }

    @Test
    void floatsAreTheShortestDecimalOfEachFloat32() {
        assertEquals("{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,-2.0,0.0023064255]},"
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[1.0E-7]}],"
                + "\"model\":\"gemini-embedding-001\",\"usage\":{\"prompt_tokens\":9,\"total_tokens\":9}}",
                OpenAiEmbeddingsWriter.list(routed(null), EmbeddingEncoding.FLOAT).toString());
    }

    @Test
    void base64IsTheLittleEndianBytesAndTheUpstreamsModelNameWins() {
        String json = OpenAiEmbeddingsWriter.list(routed("text-embedding-3-small"), EmbeddingEncoding.BASE64)
                .toString();
        assertEquals("{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":\"zczMPQAAAMBmJxc7\"},"
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":\"lb/WMw==\"}],"
                + "\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":9,\"total_tokens\":9}}", json);
    }
}
