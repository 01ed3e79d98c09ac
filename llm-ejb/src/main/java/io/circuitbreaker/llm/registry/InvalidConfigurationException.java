package io.circuitbreaker.llm.registry;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A configuration request that cannot be applied; the message lists every problem, so one round trip fixes all. */
// an application exception, so callers of the EJBs get it as thrown, not wrapped in an EJBException
@ApplicationException
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidConfigurationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
