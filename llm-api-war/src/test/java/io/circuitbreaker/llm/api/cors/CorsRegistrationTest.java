package io.circuitbreaker.llm.api.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CORS off registers nothing; on, the filter goes before every declared filter, async capable. */
class CorsRegistrationTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void offRegistersNothing() {
        CorsRegistration.register(context(), CorsConfig.OFF);

        assertEquals(List.of(), calls);
    }

    @Test
    void onRegistersTheFilterFirstForBothApis() {
        CorsRegistration.register(context(), CorsConfig.parse("https://app.example.com"));

        assertEquals(List.of("addFilter cors CorsFilter", "setAsyncSupported true",
                "addMappingForUrlPatterns " + EnumSet.of(DispatcherType.REQUEST) + " false [/v1/*, /graphql/*]"),
                calls);
    }

    private ServletContext context() {
        FilterRegistration.Dynamic registration = (FilterRegistration.Dynamic) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {FilterRegistration.Dynamic.class}, (self, m, args) -> {
                    calls.add(m.getName() + " " + (m.getName().equals("addMappingForUrlPatterns")
                            ? args[0] + " " + args[1] + " " + Arrays.toString((Object[]) args[2]) : args[0]));
                    return null;
                });
        return (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (self, m, args) -> {
                    if (m.getName().equals("addFilter") && args[1] instanceof CorsFilter) {
                        calls.add("addFilter " + args[0] + " CorsFilter");
                        return registration;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
