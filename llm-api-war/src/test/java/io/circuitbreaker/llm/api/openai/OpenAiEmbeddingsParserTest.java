package io.circuitbreaker.llm.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.circuitbreaker.llm.model.EmbeddingEncoding;
import io.circuitbreaker.llm.model.EmbeddingInput;
import io.circuitbreaker.llm.model.EmbeddingRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiEmbeddingsParserTest {

    @Test
    void aStringInputWithDefaults() {
        EmbeddingRequest request = OpenAiEmbeddingsParser.parse(
                "{\"model\":\" text-embedding-3-small \",\"input\":\"The food was delicious\"}");
        assertEquals("text-embedding-3-small", request.model());
        assertEquals(List.of(new EmbeddingInput.Text("The food was delicious")), request.input());
        assertNull(request.dimensions());
        assertNull(request.user());
        assertEquals(EmbeddingEncoding.FLOAT, request.encoding());
    }

    @Test
    void everyParameterAndEachInputForm() {
        EmbeddingRequest request = OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":[\"a\",\"b\"],"
                + "\"dimensions\":256,\"encoding_format\":\"base64\",\"user\":\"u-1\"}");
        assertEquals(List.of(new EmbeddingInput.Text("a"), new EmbeddingInput.Text("b")), request.input());
        assertEquals(256, request.dimensions());
        assertEquals(EmbeddingEncoding.BASE64, request.encoding());
        assertEquals("u-1", request.user());
        assertEquals(List.of(new EmbeddingInput.Tokens(List.of(1, 2, 3))),
                OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":[1,2,3]}").input());
        assertEquals(List.of(new EmbeddingInput.Tokens(List.of(1)), new EmbeddingInput.Tokens(List.of(2, 3))),
                OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":[[1],[2,3]]}").input());
        assertEquals(EmbeddingEncoding.FLOAT,
                OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"float\"}")
                        .encoding());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"input\":\"x\"}                                            | model",
        "{\"model\":\"\",\"input\":\"x\"}                             | model",
        "{\"model\":\"m\"}                                            | input",
        "{\"model\":\"m\",\"input\":[]}                               | input",
        "{\"model\":\"m\",\"input\":\"\"}                             | input",
        "{\"model\":\"m\",\"input\":{\"a\":1}}                        | input",
        "{\"model\":\"m\",\"input\":[\"a\",\"\"]}                     | input[1]",
        "{\"model\":\"m\",\"input\":[\"a\",[1]]}                      | input[1]",
        "{\"model\":\"m\",\"input\":[[1],\"a\"]}                      | input[1]",
        "{\"model\":\"m\",\"input\":[[]]}                             | input[0]",
        "{\"model\":\"m\",\"input\":[1,-2]}                           | input",
        "{\"model\":\"m\",\"input\":[1.5]}                            | input",
        "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}           | dimensions",
        "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":\"8\"}       | dimensions",
        "{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"int8\"} | encoding_format",
        "{\"model\":\"m\",\"input\":\"x\",\"user\":7}                 | user"
    })
    void badValuesAre400sNamingTheParameter(String body, String param) {
        InvalidOpenAiRequest refused = assertThrows(InvalidOpenAiRequest.class,
                () -> OpenAiEmbeddingsParser.parse(body));
        assertEquals(400, refused.status());
        assertEquals(param, refused.param(), refused.getMessage());
    }

    @Test
    void unknownArgumentsAreRefusedAsOpenAiRefusesThem() {
        InvalidOpenAiRequest refused = assertThrows(InvalidOpenAiRequest.class, () -> OpenAiEmbeddingsParser.parse(
                "{\"model\":\"m\",\"input\":\"x\",\"task_type\":\"RETRIEVAL_QUERY\"}"));
        assertEquals("Unrecognized request argument supplied: task_type", refused.getMessage());
        assertThrows(InvalidOpenAiRequest.class, () -> OpenAiEmbeddingsParser.parse("[1]"));
        assertThrows(InvalidOpenAiRequest.class, () -> OpenAiEmbeddingsParser.parse("{\"model\":\"m\","));
    }

    @Test
    void moreInputsThanOpenAiAllowsAreRefused() {
        String many = "[" + "\"a\",".repeat(OpenAiEmbeddingsParser.MAX_INPUTS) + "\"a\"]";
        InvalidOpenAiRequest refused = assertThrows(InvalidOpenAiRequest.class,
                () -> OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":" + many + "}"));
        assertEquals("input", refused.param());
        assertEquals(OpenAiEmbeddingsParser.MAX_INPUTS, OpenAiEmbeddingsParser.parse("{\"model\":\"m\",\"input\":["
                + "\"a\",".repeat(OpenAiEmbeddingsParser.MAX_INPUTS - 1) + "\"a\"]}").input().size());
    }
}
