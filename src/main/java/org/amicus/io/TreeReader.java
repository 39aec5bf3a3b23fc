package org.amicus.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads JSON or YAML into {@link Node}s with their line and column, refusing duplicate keys,
 * over-deep nesting and oversized text.
 */
final class TreeReader {
    static final int MAX_CHARS = 1 << 20;
    static final int MAX_DEPTH = 16;

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final String file;
    private final int lineOffset;

    TreeReader(String file, int lineOffset) {
        this.file = file;
        this.lineOffset = lineOffset;
    }

    Node read(String text, boolean yaml) {
        if (text.length() > MAX_CHARS) {
            throw new InvalidScenarioException(new Problem(file, 0, 0, "", "the scenario is " + text.length()
                    + " characters long, more than the limit of " + MAX_CHARS + "; a scenario is a few kilobytes, split the file"));
        }
        if (text.isBlank()) {
            throw new InvalidScenarioException(new Problem(file, lineOffset + 1, 1, "", "the scenario is empty"));
        }
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            JsonToken t = p.nextToken();
            Node root = value(p, t, "", 0);
            if (!yaml && p.nextToken() != null) {
                throw problem(p.currentLocation(), "", "unexpected text after the end of the scenario object");
            }
            return root;
        } catch (JsonParseException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                // SnakeYAML knows where the problem is better than the token Jackson was reading.
                throw new InvalidScenarioException(new Problem(file, y.getProblemMark().getLine() + 1 + lineOffset,
                        y.getProblemMark().getColumn() + 1, "", "malformed YAML: " + y.getProblem()));
            }
            JsonLocation at = e.getLocation();
            throw problem(at, "", (yaml ? "malformed YAML: " : "malformed JSON: ") + e.getOriginalMessage());
        } catch (StreamConstraintsException e) {
            throw new InvalidScenarioException(new Problem(file, 0, 0, "", "the scenario is too large: " + e.getMessage()));
        } catch (IOException e) {
            throw new InvalidScenarioException(new Problem(file, 0, 0, "", "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof InvalidScenarioException ise) {
                throw ise;
            }
            // The YAML parser reports some syntax errors as unchecked exceptions.
            throw new InvalidScenarioException(new Problem(file, 0, 0, "", (yaml ? "malformed YAML: " : "malformed JSON: ")
                    + firstLine(e.getMessage())));
        }
    }

    private Node value(JsonParser p, JsonToken t, String path, int depth) throws IOException {
        if (t == null) {
            throw problem(p.currentLocation(), path, "the text ends before the value");
        }
        JsonLocation at = p.currentTokenLocation();
        int line = line(at);
        int col = at.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw problem(at, path, "nested more than " + MAX_DEPTH + " levels deep; a scenario needs far fewer");
        }
        switch (t) {
            case START_OBJECT -> {
                Node n = Node.object(line, col);
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k != JsonToken.FIELD_NAME) {
                        throw problem(p.currentTokenLocation(), path, "expected a key");
                    }
                    String key = p.currentName();
                    JsonLocation keyAt = p.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (n.fields.containsKey(key)) {
                        throw problem(keyAt, childPath, "the key \"" + key + "\" appears twice; keep one");
                    }
                    n.keyPositions.put(key, new int[] {line(keyAt), keyAt.getColumnNr()});
                    n.fields.put(key, value(p, p.nextToken(), childPath, depth + 1));
                }
                return n;
            }
            case START_ARRAY -> {
                Node n = Node.array(line, col);
                int i = 0;
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    n.elements.add(value(p, e, path + "[" + i++ + "]", depth + 1));
                }
                return n;
            }
            case VALUE_STRING -> {
                return Node.scalar(Node.Kind.STRING, p.getText(), line, col);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return Node.scalar(Node.Kind.NUMBER, p.getText(), line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return Node.scalar(Node.Kind.BOOLEAN, t == JsonToken.VALUE_TRUE, line, col);
            }
            case VALUE_NULL -> {
                return Node.scalar(Node.Kind.NULL, null, line, col);
            }
            default -> throw problem(at, path, "unexpected " + t);
        }
    }

    private int line(JsonLocation at) {
        return at.getLineNr() + lineOffset;
    }

    private InvalidScenarioException problem(JsonLocation at, String path, String message) {
        return new InvalidScenarioException(new Problem(file, at == null ? 0 : line(at), at == null ? 0 : at.getColumnNr(), path, message));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
