package org.amicus.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON/YAML value that remembers where it stood in the file, for precise error messages. */
final class Node {
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    final Kind kind;
    final Object scalar;
    final Map<String, Node> fields;
    final Map<String, int[]> keyPositions;
    final List<Node> elements;
    final int line;
    final int column;

    private Node(Kind kind, Object scalar, int line, int column) {
        this.kind = kind;
        this.scalar = scalar;
        this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.keyPositions = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.elements = kind == Kind.ARRAY ? new ArrayList<>() : null;
        this.line = line;
        this.column = column;
    }

    static Node object(int line, int column) { return new Node(Kind.OBJECT, null, line, column); }
    static Node array(int line, int column) { return new Node(Kind.ARRAY, null, line, column); }
    static Node scalar(Kind kind, Object value, int line, int column) { return new Node(kind, value, line, column); }

    String describeKind() {
        return switch (kind) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "null";
        };
    }
}
