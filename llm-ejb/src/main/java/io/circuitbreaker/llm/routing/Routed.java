package io.circuitbreaker.llm.routing;

import java.util.List;

/**
 * What every routed complete answer tells about its routing, whatever the use case (chat, embeddings): front doors
 * write their routing headers from it.
 */
public interface Routed {

    /** The deployment that answered. */
    Deployment deployment();

    /** Every try, in order, including the successful one. */
    List<Attempt> attempts();

    /** The route name, when a route was used. */
    String route();
}
