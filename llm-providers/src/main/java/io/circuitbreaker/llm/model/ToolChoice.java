package io.circuitbreaker.llm.model;

/**
 * Whether and which tool the model must call.
 *
 * @param mode         AUTO (model decides), NONE (no tool), REQUIRED (some tool), FUNCTION (the named one)
 * @param functionName the tool name when mode is FUNCTION
 */
public record ToolChoice(Mode mode, String functionName) {

    public enum Mode {
        AUTO, NONE, REQUIRED, FUNCTION
    }

    public static final ToolChoice AUTO = new ToolChoice(Mode.AUTO, null);
    public static final ToolChoice NONE = new ToolChoice(Mode.NONE, null);
    public static final ToolChoice REQUIRED = new ToolChoice(Mode.REQUIRED, null);

    public static ToolChoice function(String name) {
        return new ToolChoice(Mode.FUNCTION, name);
    }
}
