package org.amicus.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.amicus.model.Situation;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Turns rule text into a KieBase through Drools' executable model, compiling each rule set once:
 * the rules packaged with the jar are compiled at build time; any other rule set (an adviser's
 * edited copy) is compiled on first use and kept in a cache folder under its fingerprint, so that
 * later runs only load classes. Rules are compiled only once {@link FactorLevels} has checked (and, for an older
 * rule set, rewritten) their levels, so a compiled form, packaged or cached, exists only for rules that passed.
 */
final class ModelStore {
    /** Resource naming the fingerprint and model class of the rules compiled at build time. */
    static final String PRECOMPILED_INDEX = "amicus/model/index";
    private static final String MODEL_RESOURCE = "META-INF/kie/org.amicus.rules/rules/drools-model";
    private static final Pattern SNIPPET = Pattern.compile(":\\s*(.{4,80})$");

    private ModelStore() {
    }

    /** The compiled form of the rules: built into the jar, in the cache, or compiled now (and cached). */
    static Model model(RuleSource source) {
        try {
            Model model = precompiled(source.fingerprint());
            if (model == null) {
                model = cached(source.fingerprint());
            }
            if (model == null) {
                Path jar = compileToCache(source);
                model = load(jar);
            }
            return model;
        } catch (IOException | ReflectiveOperationException e) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(source.origin(), 0, 0,
                    "cannot load the compiled rules: " + e)));
        }
    }

    /** A knowledge base (the engine's network) of a compiled model; each call builds a new one. */
    static KieBase kieBase(Model model) {
        return KieBaseBuilder.createKieBaseFromModel(model);
    }

    /** The model compiled at build time, if it was compiled from exactly these rules. */
    private static Model precompiled(String fingerprint) throws IOException, ReflectiveOperationException {
        try (InputStream in = ModelStore.class.getClassLoader().getResourceAsStream(PRECOMPILED_INDEX)) {
            if (in == null) {
                return null;
            }
            String[] index = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\s+");
            if (index.length != 2 || !index[0].equals(fingerprint)) {
                return null;
            }
            return (Model) Class.forName(index[1], true, ModelStore.class.getClassLoader()).getDeclaredConstructor().newInstance();
        }
    }

    private static Model cached(String fingerprint) throws IOException, ReflectiveOperationException {
        Path jar = cachedJar(fingerprint);
        return Files.isRegularFile(jar) ? load(jar) : null;
    }

    /**
     * Where a rule set's compiled form is kept: named after the rules and after the fact classes they were compiled
     * against, so that a rule set compiled by another build of amicus (say, before a getter changed its type) is
     * compiled again rather than loaded and broken.
     */
    private static Path cachedJar(String fingerprint) throws IOException {
        return cacheDir().resolve(fingerprint.replace("sha256:", "") + "-" + factClasses() + ".jar");
    }

    /** The hash of {@link #factClasses()}, read once per run. */
    private static String factClassesHash;

    /** A short hash of the fact classes (package org.amicus.model), as this build has them. */
    private static synchronized String factClasses() throws IOException {
        if (factClassesHash == null) {
            factClassesHash = hashFactClasses();
        }
        return factClassesHash;
    }

    private static String hashFactClasses() throws IOException {
        String prefix = Situation.class.getPackageName().replace('.', '/') + "/";
        TreeMap<String, byte[]> classes = new TreeMap<>();
        try {
            Path root = Path.of(Situation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(root)) {
                try (var files = Files.list(root.resolve(prefix))) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        classes.put(f.getFileName().toString(), Files.readAllBytes(f));
                    }
                }
            } else {
                try (var jar = new ZipFile(root.toFile())) {
                    for (var e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith(prefix) && e.getName().indexOf('/', prefix.length()) < 0) {
                            classes.put(e.getName(), jar.getInputStream(e).readAllBytes());
                        }
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            classes.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Model load(Path jar) throws IOException, ReflectiveOperationException {
        // Every rule set compiles to the same class names, and the packaged rules' classes are on the
        // class path: so this loader looks in the jar first. Not closed: the KieBase keeps using it.
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ModelStore.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    Class<?> c = findLoadedClass(name);
                    if (c == null) {
                        try {
                            c = findClass(name);
                        } catch (ClassNotFoundException e) {
                            return super.loadClass(name, resolve);
                        }
                    }
                    if (resolve) {
                        resolveClass(c);
                    }
                    return c;
                }
            }
        };
        URL model = loader.findResource(MODEL_RESOURCE);
        if (model == null) {
            throw new IOException(jar + " holds no compiled rules");
        }
        try (InputStream in = model.openStream()) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            return (Model) loader.loadClass(lines[lines.length - 1].strip()).getDeclaredConstructor().newInstance();
        }
    }

    /** Where compiled rule sets are kept: $AMICUS_CACHE, else $XDG_CACHE_HOME/amicus, else ~/.cache/amicus. */
    static Path cacheDir() {
        String prop = System.getProperty("amicus.cache", System.getenv("AMICUS_CACHE"));
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("amicus");
    }

    /** Compiles the rules to an executable-model jar; returns its bytes, or throws with every error located. */
    static byte[] compile(RuleSource source) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.amicus.rules", "rules", "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (RuleSource.RuleFile f : source.files()) {
            kfs.write("src/main/resources/rules/" + f.name(), f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<RuleFileException.Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String text = m.getText().strip();
            if (text.equals("Parser returned a null Package")) {
                continue; // follows a syntax error already reported
            }
            String file = m.getPath() == null ? source.origin() : m.getPath().replace("src/main/resources/", "").replace("rules/", "");
            int line = m.getLine();
            if (line <= 0) {
                line = locate(source, file, text);
            }
            problems.add(new RuleFileException.Problem(file, Math.max(line, 0), Math.max(m.getColumn(), 0), text.replace('\n', ' ')));
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        return ((InternalKieModule) builder.getKieModule()).getBytes();
    }

    private static Path compileToCache(RuleSource source) throws IOException {
        RuleSource checked = FactorLevels.check(source);
        System.err.println("amicus: compiling the rules of " + source.origin() + " (first use of this rule set; kept in "
                + cacheDir() + " for the next runs)...");
        byte[] bytes = compile(checked);
        Path dir = cacheDir();
        Path jar = cachedJar(source.fingerprint());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "rules", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // No writable cache: keep the compiled rules for this run only.
            jar = Files.createTempFile("amicus-rules", ".jar");
            jar.toFile().deleteOnExit();
            Files.write(jar, bytes);
        }
        return jar;
    }

    /** The line of a rule file that holds the snippet an error message quotes, or 0. */
    private static int locate(RuleSource source, String file, String text) {
        Matcher m = SNIPPET.matcher(text);
        if (!m.find()) {
            return 0;
        }
        String snippet = m.group(1).strip();
        for (RuleSource.RuleFile f : source.files()) {
            if (!f.name().equals(file)) {
                continue;
            }
            int at = f.text().indexOf(snippet);
            if (at < 0) {
                return 0;
            }
            return (int) f.text().substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        }
        return 0;
    }

    /** Build step: compiles the rules folder into the class output folder, with the index naming its fingerprint. */
    public static void main(String[] args) throws IOException {
        RuleSource source = RuleSource.fromDirectory(Path.of(args[0]));
        Path out = Path.of(args[1]);
        byte[] jar = compile(FactorLevels.check(source));
        String modelClass = null;
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] data = zip.readAllBytes();
                if (e.getName().equals(MODEL_RESOURCE)) {
                    String[] lines = new String(data, StandardCharsets.UTF_8).strip().split("\n");
                    modelClass = lines[lines.length - 1].strip();
                } else if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    Path target = out.resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    Files.write(target, data);
                }
            }
        }
        if (modelClass == null) {
            throw new IOException("the compiled rules name no model class");
        }
        Path index = out.resolve(PRECOMPILED_INDEX);
        Files.createDirectories(index.getParent());
        Files.writeString(index, source.fingerprint() + " " + modelClass + "\n");
        System.out.println("amicus: precompiled " + source.files().size() + " rule files, " + source.fingerprint());
    }
}
