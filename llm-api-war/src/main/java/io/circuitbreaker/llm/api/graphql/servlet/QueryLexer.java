package io.circuitbreaker.llm.api.graphql.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * The one pass over a GraphQL document behind {@link QueryComplexity}: which operations and fragment definitions it
 * holds, with each one's own field count, selection depth and fragment spreads, and for operations their type and
 * name (see {@link GetRequest}). What it skips and counts is described on {@link QueryComplexity}.
 */
final class QueryLexer {

    /** An operation or a fragment definition, as written: its own fields and depth, and where it spreads others. */
    static final class Definition {
        final String fragment;
        /** {@code query}, {@code mutation} or {@code subscription}; {@code null} for a fragment. */
        final String operation;
        /** The operation's name; {@code null} for an anonymous operation and for a fragment. */
        String name;
        long fields;
        /** Selections of the {@code chatCompletion} mutation, each alias once (see {@link QueryComplexity}). */
        long chatCompletions;
        int depth;
        final List<Spread> spreads = new ArrayList<>();

        Definition(String fragment, String operation) {
            this.fragment = fragment;
            this.operation = operation;
        }
    }

    /** {@code ...fragment} at selection depth {@code depth} (1 = the definition's own selection set). */
    record Spread(String fragment, int depth) {
    }

    /** The one field that goes upstream, and is paid for, each time it is selected. */
    static final String CHAT_COMPLETION = "chatCompletion";

    private final String text;
    private int at;
    private final List<Definition> definitions = new ArrayList<>();
    private Definition current;
    private int depth;
    private int parentheses;
    private String previousName;
    private boolean afterSpread;
    private boolean afterAt;
    private boolean typeConditionNext;
    private boolean lastWasField;

    QueryLexer(String text) {
        this.text = text;
    }

    List<Definition> definitions() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
                at++; // insignificant, and must not end "alias :" or "... on"
            } else if (c == '#') {
                skipLine();
            } else if (c == '"') {
                skipString();
            } else if (c == '(') {
                parentheses++;
                at++;
            } else if (c == ')') {
                parentheses = Math.max(0, parentheses - 1);
                at++;
            } else if (parentheses > 0) {
                at++;
            } else if (isNameStart(c)) {
                name(readName());
            } else {
                punctuator(c);
            }
        }
        if (current != null) {
            definitions.add(current);
        }
        return definitions;
    }

    private void punctuator(char c) {
        if (c == '{') {
            afterSpread = false; // "... {" and "... @skip(if: $x) {": an inline fragment without a type
            typeConditionNext = false;
            if (depth == 0 && current == null) {
                current = new Definition(null, "query"); // the shorthand { ... } operation
            }
            depth++;
            if (current != null) {
                current.depth = Math.max(current.depth, depth);
            }
        } else if (c == '}') {
            depth = Math.max(0, depth - 1);
            if (depth == 0 && current != null) {
                definitions.add(current);
                current = null;
            }
        } else if (c == '.' && text.startsWith("...", at)) {
            afterSpread = true;
            at += 2;
        } else if (c == '@') {
            afterAt = true;
        } else if (c == ':' && depth > 0 && lastWasField && current != null) {
            current.fields--; // what was counted is an alias; the field's own name follows
            if (CHAT_COMPLETION.equals(previousName)) {
                current.chatCompletions--;
            }
        }
        lastWasField = false;
        at++;
    }

    private void name(String name) {
        boolean field = false;
        if (afterAt) {
            afterAt = false; // a directive's name
        } else if (depth == 0) {
            topLevel(name);
        } else if (afterSpread) {
            afterSpread = false;
            if (name.equals("on")) {
                typeConditionNext = true; // an inline fragment: ... on Type { }
            } else if (current != null) {
                current.spreads.add(new Spread(name, depth));
            }
        } else if (typeConditionNext) {
            typeConditionNext = false;
        } else if (current != null) {
            current.fields++;
            if (name.equals(CHAT_COMPLETION)) {
                current.chatCompletions++;
            }
            field = true;
        }
        lastWasField = field;
        previousName = name;
    }

    /** Outside any selection set: operation and fragment headers. */
    private void topLevel(String name) {
        switch (name) {
            case "query", "mutation", "subscription" -> startDefinition(null, name);
            case "fragment" -> startDefinition("", null);
            default -> {
                if ("fragment".equals(previousName) && current != null && "".equals(current.fragment)) {
                    startDefinition(name, null);
                } else if (current != null && current.operation != null && current.operation.equals(previousName)
                        && current.name == null) {
                    current.name = name; // query Name
                }
            }
        }
    }

    private void startDefinition(String fragment, String operation) {
        if (current != null && (current.fields > 0 || !current.spreads.isEmpty())) {
            definitions.add(current);
        }
        current = new Definition(fragment, operation);
    }

    private String readName() {
        int start = at;
        while (at < text.length() && isNamePart(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    private void skipLine() {
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            at++;
        }
    }

    private void skipString() {
        lastWasField = false;
        if (text.startsWith("\"\"\"", at)) {
            at += 3;
            while (at < text.length() && !text.startsWith("\"\"\"", at)) {
                at += text.startsWith("\\\"\"\"", at) ? 4 : 1;
            }
            at = Math.min(text.length(), at + 3);
            return;
        }
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\') {
                at += 2;
            } else if (c == '"') {
                at++;
                return;
            } else if (c == '\n' || c == '\r') {
                return; // unterminated: the engine will say so
            } else {
                at++;
            }
        }
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
