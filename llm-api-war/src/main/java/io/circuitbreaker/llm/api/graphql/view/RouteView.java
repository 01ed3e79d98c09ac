package io.circuitbreaker.llm.api.graphql.view;

import io.circuitbreaker.llm.routing.RouteDefinition;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A route as GraphQL shows it. */
@Type("Route")
@Description("A named virtual model: callers send its name as model; the strategy picks among the candidates.")
public class RouteView {

    private final RouteDefinition route;
    private final boolean fromConfig;
    private final Integer cacheTtlSeconds;

    public RouteView(RouteDefinition route, boolean fromConfig, Integer cacheTtlSeconds) {
        this.route = route;
        this.fromConfig = fromConfig;
        this.cacheTtlSeconds = cacheTtlSeconds;
    }

    @NonNull
    public String getName() {
        return route.name();
    }

    @NonNull
    @Description("fallback, cheapest, fastest or weighted.")
    public String getStrategy() {
        return route.strategy().name().toLowerCase(Locale.ROOT);
    }

    @NonNull
    @Description("Candidates in order: provider/model or catalog model ids.")
    public List<@NonNull String> getCandidates() {
        return route.candidates().stream().map(RouteDefinition.Candidate::model).toList();
    }

    @NonNull
    @Description("Weight of each candidate (weighted routes).")
    public List<@NonNull Integer> getWeights() {
        return route.candidates().stream().map(RouteDefinition.Candidate::weight).toList();
    }

    @Description("Seconds an answer through this route stays in the response cache; null when it did not opt in.")
    public Integer getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    @NonNull
    @Description("Where the route is defined: config (MicroProfile Config, llm.routes) or api (configureRoute).")
    public String getSource() {
        return fromConfig ? "config" : "api";
    }
}
