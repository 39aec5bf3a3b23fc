package org.amicus.io;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.amicus.model.Assessment;
import org.amicus.model.Factor;
import org.amicus.model.Inject;
import org.amicus.model.ItemType;
import org.amicus.model.Level;
import org.amicus.model.Mode;
import org.amicus.model.Request;
import org.amicus.model.Scenario;

/**
 * Reads scenario files (JSON, or YAML by extension) into {@link Scenario}s, checking them against
 * contract v1. Every problem found is reported, each with its file, line, column and field; unknown
 * keys are errors.
 */
public final class ScenarioReader {
    public static final String SCHEMA = "scenario/v1";
    static final int MAX_REQUESTS = 100;
    static final int MAX_INJECTS = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final List<String> TOP_KEYS = List.of("schema", "id", "title", "date", "mission", "situation",
            "description", "factors", "requests", "expected", "sources", "notes", "record", "analogous", "locked",
            "outliers", "injects");
    private static final List<String> REQUEST_KEYS = List.of("id", "type", "description", "confidential");
    private static final List<String> INJECT_KEYS = List.of("at", "title", "description", "set", "requests", "expected",
            "questions", "notes");
    private static final List<String> FACTOR_KEYS = Factor.all().stream().map(Factor::key).toList();
    private static final List<String> TYPES = Arrays.stream(ItemType.values()).map(Enum::name).toList();
    private static final List<String> MODES = Arrays.stream(Mode.values()).map(Enum::name).toList();

    private ScenarioReader() {
    }

    /** Reads a file; YAML when it ends in .yaml or .yml. */
    public static Scenario read(Path path) {
        String name = path.toString();
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new InvalidScenarioException(new Problem(name, 0, 0, "", "is a folder; give the scenario files in it"));
            }
            if (Files.size(path) > TreeReader.MAX_CHARS * 4L) {
                throw new InvalidScenarioException(new Problem(name, 0, 0, "", "the file is " + Files.size(path)
                        + " bytes, far more than a scenario; is it the right file?"));
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(new Problem(name, 0, 0, "", "no such file"));
        } catch (MalformedInputException e) {
            throw new InvalidScenarioException(new Problem(name, 0, 0, "", "the file is not UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidScenarioException(new Problem(name, 0, 0, "", "cannot read: " + e.getMessage()));
        }
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        return parse(text, name, 0, yaml);
    }

    /**
     * Parses scenario text. {@code lineOffset} is added to every line number, so that a line of a
     * JSON-lines stream reports its place in the stream.
     */
    public static Scenario parse(String text, String file, int lineOffset, boolean yaml) {
        Node root = new TreeReader(file, lineOffset).read(text, yaml);
        return new ScenarioReader.Checker(file).scenario(root);
    }

    /** Collects every problem of one scenario. */
    private static final class Checker {
        private final String file;
        private final List<Problem> problems = new ArrayList<>();

        Checker(String file) {
            this.file = file;
        }

        Scenario scenario(Node root) {
            if (root.kind != Node.Kind.OBJECT) {
                fail(root, "", "a scenario is a JSON object { \"schema\": \"" + SCHEMA + "\", ... }, not " + root.describeKind());
                throw new InvalidScenarioException(problems);
            }
            keys(root, "", TOP_KEYS);
            String schema = string(root, "schema", "", true);
            if (schema != null && !schema.equals(SCHEMA)) {
                fail(root.fields.get("schema"), "schema", "unknown schema \"" + schema + "\"; this version reads \"" + SCHEMA + "\"");
            }
            String id = string(root, "id", "", true);
            if (id != null && !ID.matcher(id).matches()) {
                fail(root.fields.get("id"), "id", "an id is letters, digits, '.', '_' or '-' (at most 100), e.g. \"monusco-2013-ituri\"");
            }
            String title = string(root, "title", "", true);
            String date = string(root, "date", "", false);
            if (date != null && !date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                fail(root.fields.get("date"), "date", "a date is YYYY-MM-DD, YYYY-MM or YYYY");
            }
            String mission = string(root, "mission", "", false);
            String situation = string(root, "situation", "", false);
            String description = string(root, "description", "", false);

            Map<Factor, Assessment> factors = new EnumMap<>(Factor.class);
            for (Factor f : Factor.all()) {
                factors.put(f, Assessment.unknown(f, true));
            }
            Node fNode = root.fields.get("factors");
            if (fNode == null) {
                fail(root, "factors", "missing; give the factors of the situation (a factor left out is UNKNOWN), e.g. \"factors\": { \"mandate\": \"ICC_SUPPORT\" }");
            } else {
                factors.putAll(factorMap(fNode, "factors"));
            }

            List<Node> injectNodes = list(root, "injects", "");
            boolean injectsAddRequests = injectNodes.stream().anyMatch(n -> n.kind == Node.Kind.OBJECT && n.fields.containsKey("requests"));
            Set<String> knownIds = new LinkedHashSet<>();
            List<Request> requests = new ArrayList<>();
            Node rNode = root.fields.get("requests");
            if (rNode == null) {
                fail(root, "requests", "missing; list the items the Court asks for, e.g. \"requests\": [ { \"id\": \"r1\", \"type\": \"LOGISTICS\" } ]");
            } else {
                requests = requests(rNode, "requests", knownIds);
                if (rNode.kind == Node.Kind.ARRAY && rNode.elements.isEmpty() && !injectsAddRequests) {
                    fail(rNode, "requests", "no requests: give at least one item to advise on");
                }
            }

            List<Inject> injects = new ArrayList<>();
            for (int i = 0; i < injectNodes.size(); i++) {
                injects.add(inject(injectNodes.get(i), "injects[" + i + "]", knownIds));
            }
            if (injectNodes.size() > MAX_INJECTS) {
                fail(root.fields.get("injects"), "injects", "more than " + MAX_INJECTS + " injects");
            }

            Set<String> topIds = new LinkedHashSet<>();
            requests.forEach(r -> topIds.add(r.id()));
            Map<String, Mode> expected = expected(root.fields.get("expected"), "expected", topIds);
            List<String> sources = strings(root, "sources", "");
            Map<String, String> notes = stringMap(root.fields.get("notes"), "notes");
            String record = string(root, "record", "", false);
            if (record != null && !record.equals("SOLID") && !record.equals("THIN")) {
                fail(root.fields.get("record"), "record", "is SOLID or THIN, not \"" + record + "\"" + Suggest.didYouMean(record, List.of("SOLID", "THIN")));
            }
            boolean analogous = bool(root, "analogous", "");
            boolean locked = bool(root, "locked", "");
            Map<String, String> outliers = stringMap(root.fields.get("outliers"), "outliers");
            for (String k : outliers.keySet()) {
                if (!knownIds.contains(k)) {
                    fail(root.fields.get("outliers"), "outliers." + k, "no request has the id \"" + k + "\"" + Suggest.didYouMean(k, knownIds));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidScenarioException(problems);
            }
            return new Scenario(file, id, title, date, mission, situation, description, factors, requests, expected,
                    sources, notes, record, analogous, locked, outliers, injects);
        }

        private Inject inject(Node n, String path, Set<String> knownIds) {
            if (n.kind != Node.Kind.OBJECT) {
                fail(n, path, "an inject is an object { \"at\", \"title\", \"set\", ... }, not " + n.describeKind());
                return new Inject("", "", null, Map.of(), List.of(), Map.of(), List.of(), Map.of());
            }
            keys(n, path, INJECT_KEYS);
            String at = string(n, "at", path, true);
            String title = string(n, "title", path, true);
            String description = string(n, "description", path, false);
            Map<Factor, Assessment> set = n.fields.containsKey("set") ? factorMap(n.fields.get("set"), path + ".set") : Map.of();
            List<Request> requests = n.fields.containsKey("requests") ? requests(n.fields.get("requests"), path + ".requests", knownIds) : List.of();
            Map<String, Mode> expected = expected(n.fields.get("expected"), path + ".expected", knownIds);
            List<String> questions = strings(n, "questions", path);
            Map<String, String> notes = stringMap(n.fields.get("notes"), path + ".notes");
            return new Inject(at, title, description, set, requests, expected, questions, notes);
        }

        /** Factor name to level, list of levels, or UNKNOWN. */
        Map<Factor, Assessment> factorMap(Node n, String path) {
            Map<Factor, Assessment> out = new EnumMap<>(Factor.class);
            if (n.kind != Node.Kind.OBJECT) {
                fail(n, path, "is an object of factor names to levels, not " + n.describeKind());
                return out;
            }
            for (Map.Entry<String, Node> e : n.fields.entrySet()) {
                String key = e.getKey();
                String childPath = path.isEmpty() ? key : path + "." + key;
                Factor f = Factor.byKey(key);
                if (f == null) {
                    int[] at = n.keyPositions.get(key);
                    problems.add(new Problem(file, at[0], at[1], childPath, "unknown factor \"" + key + "\""
                            + Suggest.didYouMean(key, FACTOR_KEYS) + " (the factors: " + String.join(", ", FACTOR_KEYS) + ")"));
                    continue;
                }
                Assessment a = assessment(f, e.getValue(), childPath);
                if (a != null) {
                    out.put(f, a);
                }
            }
            return out;
        }

        private Assessment assessment(Factor f, Node v, String path) {
            List<String> names = f.levels().stream().map(Level::name).toList();
            if (v.kind == Node.Kind.STRING) {
                String s = (String) v.scalar;
                if (s.equals(Factor.UNKNOWN)) {
                    return Assessment.unknown(f, false);
                }
                Level l = f.level(s);
                if (l == null) {
                    fail(v, path, unknownLevel(f, s, names));
                    return null;
                }
                return Assessment.given(l);
            }
            if (v.kind == Node.Kind.ARRAY) {
                List<Level> levels = new ArrayList<>();
                for (Node e : v.elements) {
                    if (e.kind != Node.Kind.STRING) {
                        fail(e, path, "a list of levels holds strings, not " + e.describeKind());
                        return null;
                    }
                    String s = (String) e.scalar;
                    if (s.equals(Factor.UNKNOWN)) {
                        fail(e, path, "UNKNOWN cannot stand in a list; write \"UNKNOWN\" alone, or list the levels that are possible");
                        return null;
                    }
                    Level l = f.level(s);
                    if (l == null) {
                        fail(e, path, unknownLevel(f, s, names));
                        return null;
                    }
                    if (levels.contains(l)) {
                        fail(e, path, "the level " + s + " is listed twice");
                        return null;
                    }
                    levels.add(l);
                }
                if (levels.isEmpty()) {
                    fail(v, path, "an empty list; give the possible levels, or \"UNKNOWN\"");
                    return null;
                }
                // Keep the model's order of levels, whatever order the file lists them in.
                List<Level> ordered = f.levels().stream().filter(levels::contains).toList();
                return ordered.size() == 1 ? Assessment.given(ordered.get(0)) : new Assessment(Assessment.Kind.LIST, ordered);
            }
            fail(v, path, "a level is a string (one of " + String.join(", ", names) + ", or UNKNOWN) or a list of them, not " + v.describeKind());
            return null;
        }

        private static String unknownLevel(Factor f, String s, List<String> names) {
            return "unknown level " + s + " for " + f.key() + Suggest.didYouMean(s, names)
                    + " (the levels: " + String.join(", ", names) + ", or UNKNOWN)";
        }

        private List<Request> requests(Node n, String path, Set<String> knownIds) {
            List<Request> out = new ArrayList<>();
            if (n.kind != Node.Kind.ARRAY) {
                fail(n, path, "is a list of requests, not " + n.describeKind());
                return out;
            }
            if (n.elements.size() > MAX_REQUESTS) {
                fail(n, path, n.elements.size() + " requests, more than " + MAX_REQUESTS + "; split the scenario");
                return out;
            }
            Set<String> here = new LinkedHashSet<>();
            for (int i = 0; i < n.elements.size(); i++) {
                Node e = n.elements.get(i);
                String p = path + "[" + i + "]";
                if (e.kind != Node.Kind.OBJECT) {
                    fail(e, p, "a request is an object { \"id\": ..., \"type\": ... }, not " + e.describeKind());
                    continue;
                }
                keys(e, p, REQUEST_KEYS);
                String id = string(e, "id", p, true);
                if (id != null && !ID.matcher(id).matches()) {
                    fail(e.fields.get("id"), p + ".id", "a request id is letters, digits, '.', '_' or '-', e.g. \"r1\"");
                }
                if (id != null && !here.add(id)) {
                    fail(e.fields.get("id"), p + ".id", "the request id \"" + id + "\" is used twice; give each request its own id");
                }
                String type = string(e, "type", p, true);
                ItemType t = null;
                if (type != null) {
                    if (TYPES.contains(type)) {
                        t = ItemType.valueOf(type);
                    } else {
                        fail(e.fields.get("type"), p + ".type", "unknown request type " + type + Suggest.didYouMean(type, TYPES)
                                + " (the types: " + String.join(", ", TYPES) + ")");
                    }
                }
                String description = string(e, "description", p, false);
                boolean confidential = bool(e, "confidential", p);
                if (id != null && t != null) {
                    knownIds.add(id);
                    out.add(new Request(id, t, description, confidential));
                }
            }
            return out;
        }

        private Map<String, Mode> expected(Node n, String path, Set<String> ids) {
            Map<String, Mode> out = new LinkedHashMap<>();
            if (n == null) {
                return out;
            }
            if (n.kind != Node.Kind.OBJECT) {
                fail(n, path, "is an object of request ids to modes, e.g. { \"r1\": \"CONDITIONAL\" }, not " + n.describeKind());
                return out;
            }
            for (Map.Entry<String, Node> e : n.fields.entrySet()) {
                Node v = e.getValue();
                String p = path + "." + e.getKey();
                if (!ids.contains(e.getKey())) {
                    int[] at = n.keyPositions.get(e.getKey());
                    problems.add(new Problem(file, at[0], at[1], p, "no request has the id \"" + e.getKey() + "\""
                            + Suggest.didYouMean(e.getKey(), ids)));
                    continue;
                }
                if (v.kind != Node.Kind.STRING || !MODES.contains((String) v.scalar)) {
                    String s = v.kind == Node.Kind.STRING ? (String) v.scalar : v.describeKind();
                    fail(v, p, "unknown mode " + s + Suggest.didYouMean(s, MODES) + " (the modes: " + String.join(", ", MODES) + ")");
                    continue;
                }
                out.put(e.getKey(), Mode.valueOf((String) v.scalar));
            }
            return out;
        }

        private void keys(Node n, String path, List<String> allowed) {
            for (String k : n.fields.keySet()) {
                if (!allowed.contains(k)) {
                    int[] at = n.keyPositions.get(k);
                    problems.add(new Problem(file, at[0], at[1], path.isEmpty() ? k : path + "." + k,
                            "unknown key \"" + k + "\"" + Suggest.didYouMean(k, allowed) + " (allowed here: " + String.join(", ", allowed) + ")"));
                }
            }
        }

        private String string(Node n, String key, String path, boolean required) {
            Node v = n.fields.get(key);
            String p = path.isEmpty() ? key : path + "." + key;
            if (v == null) {
                if (required) {
                    fail(n, p, "missing; it is required");
                }
                return null;
            }
            if (v.kind != Node.Kind.STRING) {
                fail(v, p, "is text, not " + v.describeKind());
                return null;
            }
            String s = (String) v.scalar;
            if (required && s.isBlank()) {
                fail(v, p, "is empty");
                return null;
            }
            return s;
        }

        private boolean bool(Node n, String key, String path) {
            Node v = n.fields.get(key);
            if (v == null) {
                return false;
            }
            if (v.kind != Node.Kind.BOOLEAN) {
                fail(v, path.isEmpty() ? key : path + "." + key, "is true or false, not " + v.describeKind());
                return false;
            }
            return (Boolean) v.scalar;
        }

        private List<Node> list(Node n, String key, String path) {
            Node v = n.fields.get(key);
            if (v == null) {
                return List.of();
            }
            if (v.kind != Node.Kind.ARRAY) {
                fail(v, path.isEmpty() ? key : path + "." + key, "is a list, not " + v.describeKind());
                return List.of();
            }
            return v.elements;
        }

        private List<String> strings(Node n, String key, String path) {
            List<String> out = new ArrayList<>();
            String p = path.isEmpty() ? key : path + "." + key;
            for (Node e : list(n, key, path)) {
                if (e.kind != Node.Kind.STRING) {
                    fail(e, p, "is a list of strings; this element is " + e.describeKind());
                } else {
                    out.add((String) e.scalar);
                }
            }
            return out;
        }

        private Map<String, String> stringMap(Node n, String path) {
            Map<String, String> out = new LinkedHashMap<>();
            if (n == null) {
                return out;
            }
            if (n.kind != Node.Kind.OBJECT) {
                fail(n, path, "is an object of free-text strings, not " + n.describeKind());
                return out;
            }
            for (Map.Entry<String, Node> e : n.fields.entrySet()) {
                if (e.getValue().kind != Node.Kind.STRING) {
                    fail(e.getValue(), path + "." + e.getKey(), "is free text (a string), not " + e.getValue().describeKind());
                } else {
                    out.put(e.getKey(), (String) e.getValue().scalar);
                }
            }
            return out;
        }

        private void fail(Node at, String path, String message) {
            problems.add(new Problem(file, at == null ? 0 : at.line, at == null ? 0 : at.column, path, message));
        }
    }

    /** Parses "factor=LEVEL" (or "factor=A,B", or "factor=UNKNOWN") from the command line. */
    public static Map<Factor, Assessment> parseSettings(List<String> settings) {
        Checker c = new Checker("--set");
        Map<Factor, Assessment> out = new EnumMap<>(Factor.class);
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                c.problems.add(new Problem("--set", 0, 0, s, "write factor=LEVEL, e.g. --set hostState=OPPOSED"));
                continue;
            }
            Node obj = Node.object(0, 0);
            String value = s.substring(eq + 1).trim();
            Node v;
            if (value.contains(",")) {
                v = Node.array(0, 0);
                for (String part : value.split(",")) {
                    v.elements.add(Node.scalar(Node.Kind.STRING, part.trim(), 0, 0));
                }
            } else {
                v = Node.scalar(Node.Kind.STRING, value, 0, 0);
            }
            String key = s.substring(0, eq).trim();
            obj.fields.put(key, v);
            obj.keyPositions.put(key, new int[] {0, 0});
            out.putAll(c.factorMap(obj, ""));
        }
        if (!c.problems.isEmpty()) {
            throw new InvalidScenarioException(c.problems);
        }
        return out;
    }
}
