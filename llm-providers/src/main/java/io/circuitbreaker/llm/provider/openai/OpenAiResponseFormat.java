package io.circuitbreaker.llm.provider.openai;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * {@code response_format}: {@code {"type":"text"}}, {@code {"type":"json_object"}} or
 * {@code {"type":"json_schema","json_schema":{...}}}.
 */
public record OpenAiResponseFormat(String type, @JsonbProperty("json_schema") OpenAiJsonSchema jsonSchema) {
}
