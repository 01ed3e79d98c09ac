package io.circuitbreaker.llm.api.graphql;

import io.circuitbreaker.llm.api.graphql.input.RouteInput;
import io.circuitbreaker.llm.api.graphql.view.RouteView;
import io.circuitbreaker.llm.cache.CachePolicies;
import io.circuitbreaker.llm.registry.InvalidConfigurationException;
import io.circuitbreaker.llm.registry.RouteConfigurations;
import io.circuitbreaker.llm.router.RouterRuntime;
import io.circuitbreaker.llm.routing.RouteDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Routes: named virtual models with fallback, cheapest, fastest or weighted selection. */
@GraphQLApi
@ApplicationScoped
public class RouteApi {

    @Inject
    RouterRuntime runtime;

    @Inject
    Caller caller;

    @Inject
    CachePolicies cachePolicies;

    @Query("routes")
    @Description("Every route, by name.")
    public @NonNull List<@NonNull RouteView> routes() {
        return runtime.routes().values().stream()
                .sorted(Comparator.comparing(RouteDefinition::name))
                .map(this::view).toList();
    }

    @Mutation("configureRoute")
    @Description("Creates or replaces a route; effective for the next request and kept across restarts.")
    public @NonNull RouteView configureRoute(@NonNull @Name("input") RouteInput input)
            throws GatewayGraphQLException {
        caller.requireAdmin("configureRoute");
        try {
            RouteDefinition route = RouteConfigurations.build(input.getName(), input.getStrategy(),
                    input.getCandidates(), input.getWeights());
            Integer ttl = CachePolicies.checked(input.getCacheTtlSeconds()); // refused before anything is stored
            runtime.putRoute(route);
            cachePolicies.setForRoute(route.name(), ttl);
            return view(route);
        } catch (InvalidConfigurationException | IllegalArgumentException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
    }

    @Mutation("removeRoute")
    @Description("Removes a route configured through the API; false when there was none.")
    public boolean removeRoute(@NonNull @Name("name") String name) throws GatewayGraphQLException {
        caller.requireAdmin("removeRoute");
        try {
            boolean removed = runtime.removeRoute(name);
            if (removed) {
                cachePolicies.setForRoute(name, null); // a route of the same name made later starts uncached
            }
            return removed;
        } catch (InvalidConfigurationException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
    }

    @Mutation("setRouteCache")
    @Description("Opts a route (from the API or from configuration) in to the response cache for this many seconds "
            + "(1 to 2592000), or out with 0 or null (admin only). Answers the route.")
    public @NonNull RouteView setRouteCache(@NonNull @Name("name") String name,
            @Name("cacheTtlSeconds") Integer cacheTtlSeconds) throws GatewayGraphQLException {
        caller.requireAdmin("setRouteCache");
        RouteDefinition route = runtime.routes().get(name);
        if (route == null) {
            throw GatewayGraphQLException.notFound("no route " + name);
        }
        try {
            cachePolicies.setForRoute(name, cacheTtlSeconds);
        } catch (IllegalArgumentException e) {
            throw GatewayGraphQLException.validation(e.getMessage());
        }
        return view(route);
    }

    private RouteView view(RouteDefinition route) {
        return new RouteView(route, runtime.isFromConfig(route.name()),
                cachePolicies.forRoute(route.name()).orElse(null));
    }
}
