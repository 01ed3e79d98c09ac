package graphql.execution;

/** Stands in for graphql-java's exception of this name (the server's class, not on the test path). */
public class UnknownOperationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownOperationException(String message) {
        super(message);
    }
}
