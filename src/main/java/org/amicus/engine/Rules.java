package org.amicus.engine;

import java.util.concurrent.ConcurrentHashMap;

/** Compiled rule sets, kept per fingerprint so that a process compiles each rule set once. */
public final class Rules {
    private static final ConcurrentHashMap<String, RuleBase> COMPILED = new ConcurrentHashMap<>();

    private Rules() {
    }

    public static RuleBase load(RuleSource source) {
        return COMPILED.computeIfAbsent(source.fingerprint(), f -> RuleBase.compile(source));
    }
}
