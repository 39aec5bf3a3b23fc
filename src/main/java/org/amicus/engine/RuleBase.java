package org.amicus.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.amicus.model.Item;
import org.amicus.model.RuleInfo;
import org.amicus.model.Situation;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

/** Compiled rules, ready to run: thread-safe, one per rule set. */
public final class RuleBase {
    private final RuleSource source;
    private final Map<String, RuleInfo> rules;
    private final KieContainerSessionsPool pool;

    private RuleBase(RuleSource source, Map<String, RuleInfo> rules, KieContainerSessionsPool pool) {
        this.source = source;
        this.rules = rules;
        this.pool = pool;
    }

    public static RuleBase compile(RuleSource source) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.amicus.rules", "rules", "1." + source.fingerprint().substring(7, 19));
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (RuleSource.RuleFile f : source.files()) {
            kfs.write("src/main/resources/rules/" + f.name(), f.text());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<RuleFileException.Problem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? source.origin() : m.getPath().replace("src/main/resources/rules/", "");
            problems.add(new RuleFileException.Problem(path, m.getLine(), m.getColumn(), m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        Map<String, RuleInfo> rules = RuleMetadata.read(source, kieBase);
        return new RuleBase(source, rules, container.newKieSessionsPool(Runtime.getRuntime().availableProcessors()));
    }

    /** Runs the rules on one definite situation and its items; the items hold the results. */
    public void run(Situation situation, List<Item> items) {
        List<Object> facts = new ArrayList<>(items.size() + 1);
        facts.add(situation);
        facts.addAll(items);
        StatelessKieSession session = pool.newStatelessKieSession();
        session.execute(facts);
    }

    public Map<String, RuleInfo> rules() { return rules; }
    public RuleSource source() { return source; }
    public String fingerprint() { return source.fingerprint(); }
}
