package io.circuitbreaker.llm.api.graphql.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "7.5E-8     | 0.000000075",
        "3E-7       | 0.0000003",
        "2.5E-7     | 0.00000025",
        "0.00000125 | 0.00000125",
        "1.2E+3     | 1200",
        "128000     | 128000",
        "-5E-7      | -0.0000005"
    })
    void numbersComeOutInPlainNotationWithTheSameValue(String in, String out) {
        assertEquals("{\"v\":" + out + "}", PlainNumbers.rewrite("{\"v\":" + in + "}"));
    }

    @Test
    void structureStringsBooleansAndNullsAreKept() {
        String json = "{\"data\":{\"m\":[{\"id\":\"gemini-1.5-flash\",\"in\":7.5E-8,\"ok\":true,\"x\":null}],"
                + "\"e\":[],\"o\":{},\"s\":\"1E-7 stays text\",\"f\":false},\"n\":[1,[2,3E-7]]}";
        assertEquals("{\"data\":{\"m\":[{\"id\":\"gemini-1.5-flash\",\"in\":0.000000075,\"ok\":true,\"x\":null}],"
                + "\"e\":[],\"o\":{},\"s\":\"1E-7 stays text\",\"f\":false},\"n\":[1,[2,0.0000003]]}",
                PlainNumbers.rewrite(json));
    }

    @Test
    void onlyDocumentsWithAnExponentAreRewritten() {
        assertTrue(PlainNumbers.mayNeedRewrite("{\"v\":7.5E-8}"));
        assertFalse(PlainNumbers.mayNeedRewrite("{\"v\":0.000000075,\"name\":\"GPT-4o\"}"));
    }
}
