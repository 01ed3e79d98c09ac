package io.circuitbreaker.llm.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputItemPageTest {

    private static JsonArray items(int count) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 1; i <= count; i++) {
            array.add(Json.createObjectBuilder().add("id", "msg_" + i).add("type", "message"));
        }
        return array.build();
    }

    private static List<String> ids(InputItemPage page) {
        return page.data().stream().map(item -> item.getString("id")).toList();
    }

    @Test
    void descendingByDefaultOrderNewestFirst() {
        InputItemPage page = InputItemPage.of(items(5), 2, false, null);
        assertEquals(List.of("msg_5", "msg_4"), ids(page));
        assertEquals("msg_5", page.firstId());
        assertEquals("msg_4", page.lastId());
        assertTrue(page.hasMore());
    }

    @Test
    void afterContinuesInTheSameOrder() {
        assertEquals(List.of("msg_3", "msg_2"), ids(InputItemPage.of(items(5), 2, false, "msg_4")));
        InputItemPage last = InputItemPage.of(items(5), 2, true, "msg_3");
        assertEquals(List.of("msg_4", "msg_5"), ids(last));
        assertFalse(last.hasMore());
    }

    @Test
    void anEmptyPageHasNoIds() {
        InputItemPage page = InputItemPage.of(items(2), 20, true, "msg_2");
        assertTrue(page.data().isEmpty());
        assertNull(page.firstId());
        assertNull(page.lastId());
        assertFalse(page.hasMore());
    }

    @Test
    void limitsAndUnknownAfterAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputItemPage.of(items(2), 0, true, null));
        assertThrows(IllegalArgumentException.class, () -> InputItemPage.of(items(2), 101, true, null));
        assertThrows(IllegalArgumentException.class, () -> InputItemPage.of(items(2), 10, true, "msg_9"));
        JsonObject first = InputItemPage.of(items(150), 100, true, null).data().get(99);
        assertEquals("msg_100", first.getString("id"));
    }
}
