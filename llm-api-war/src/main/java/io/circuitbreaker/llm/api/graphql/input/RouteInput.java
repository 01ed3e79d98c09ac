package io.circuitbreaker.llm.api.graphql.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** A named virtual model and how it picks among its candidates. */
@Input("RouteInput")
@Description("A route: callers use its name as their model; the gateway picks a candidate by the strategy.")
public class RouteInput {

    @NonNull
    @Description("The name callers send as model, e.g. smart.")
    private String name;

    @Description("fallback (default), cheapest, fastest or weighted.")
    private String strategy;

    @NonNull
    @Description("Candidates in order: provider/model (e.g. anthropic/claude-3-5-sonnet-20241022) or catalog model "
            + "ids.")
    private List<String> candidates;

    @Description("One weight per candidate for weighted routes (default: all 1).")
    private List<Integer> weights;

    @Description("Opt the route in to the response cache: seconds an answer is kept (1 to 2592000). 0 or null: off.")
    private Integer cacheTtlSeconds;

    public Integer getCacheTtlSeconds() {
        return cacheTtlSeconds;
    }

    public void setCacheTtlSeconds(Integer cacheTtlSeconds) {
        this.cacheTtlSeconds = cacheTtlSeconds;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    public List<String> getCandidates() {
        return candidates;
    }

    public void setCandidates(List<String> candidates) {
        this.candidates = candidates;
    }

    public List<Integer> getWeights() {
        return weights;
    }

    public void setWeights(List<Integer> weights) {
        this.weights = weights;
    }
}
