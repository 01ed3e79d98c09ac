package io.circuitbreaker.llm.catalog.litellm;

import java.util.List;

/**
 * A price map as read: the entries the gateway can use and those it set aside, both in document order. Keeping the
 * ignored entries makes an import report complete: every key of the document is in exactly one of the two lists.
 *
 * @param entries the usable chat and embedding entries
 * @param ignored the entries set aside, each with its reason
 */
public record PriceMap(List<PriceMapEntry> entries, List<PriceMapIgnored> ignored) {

    public PriceMap {
        entries = List.copyOf(entries);
        ignored = List.copyOf(ignored);
    }
}
