package org.amicus.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The text of a rule set: the .drl files of a folder, or the default copy packaged in the jar.
 * Its fingerprint (SHA-256 over file names and contents, in name order) identifies the rules
 * that produced an advice.
 */
public final class RuleSource {
    /** Where the jar keeps its copy of rules/. */
    public static final String PACKAGED = "amicus/rules";

    public record RuleFile(String name, String text) {
    }

    private final String origin;
    private final List<RuleFile> files;
    private final String fingerprint;

    private RuleSource(String origin, List<RuleFile> files) {
        this(origin, files.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList(), null);
    }

    private RuleSource(String origin, List<RuleFile> sortedFiles, String fingerprint) {
        this.origin = origin;
        this.files = sortedFiles;
        this.fingerprint = fingerprint != null ? fingerprint : fingerprintOf(sortedFiles);
    }

    /**
     * The same rules as the compiler is to read them (see {@link FactorLevels}): the same origin and fingerprint (the
     * files as written), the texts rewritten line for line.
     */
    RuleSource compiledAs(List<RuleFile> rewritten) {
        return new RuleSource(origin, rewritten.stream().sorted((a, b) -> a.name().compareTo(b.name())).toList(), fingerprint);
    }

    public static RuleSource of(String origin, List<RuleFile> files) {
        return new RuleSource(origin, files);
    }

    /** Every *.drl file directly in the folder. */
    public static RuleSource fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(dir.toString(), 0, 0,
                    "no such folder of rules; give a folder that holds .drl files, or leave --rules out to use the packaged rules")));
        }
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
                files.add(new RuleFile(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(dir.toString(), 0, 0,
                    "cannot read the rules: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(dir.toString(), 0, 0,
                    "the folder holds no .drl file")));
        }
        return new RuleSource(dir.toString(), files);
    }

    /** The rules packaged in the jar (a copy of rules/ at build time). */
    public static RuleSource packaged() {
        URL url = RuleSource.class.getClassLoader().getResource(PACKAGED);
        if (url == null) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(PACKAGED, 0, 0,
                    "the packaged rules are missing from the jar; rebuild with 'mvn package'")));
        }
        try {
            if (url.getProtocol().equals("jar")) {
                try (FileSystem fs = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return read(fs.getPath(PACKAGED), "packaged rules");
                }
            }
            return read(Path.of(url.toURI()), "packaged rules");
        } catch (IOException | URISyntaxException e) {
            throw new RuleFileException(List.of(new RuleFileException.Problem(PACKAGED, 0, 0,
                    "cannot read the packaged rules: " + e.getMessage())));
        }
    }

    private static RuleSource read(Path dir, String origin) throws IOException {
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    files.add(new RuleFile(p.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return new RuleSource(origin, files);
    }

    private static String fingerprintOf(List<RuleFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleFile f : files) {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String origin() { return origin; }
    public List<RuleFile> files() { return files; }
    public String fingerprint() { return fingerprint; }
}
