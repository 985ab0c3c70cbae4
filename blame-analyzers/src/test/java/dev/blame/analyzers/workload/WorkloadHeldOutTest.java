package dev.blame.analyzers.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.blame.api.Blame;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.Verdict;
import dev.blame.testkit.BlameFixture;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real captures of built-in workloads from public sources (src/test/resources/workload-heldout, see its README):
 * each folder {@code <kind>/<case>/} holds {@code objects.yaml}, {@code expected.yaml} in {@code CaseTable}'s
 * format and {@code source.md}. The expectations were written from the sources' diagnoses and committed before
 * the first run. Each case runs through the real engine with every analyzer discovered, as a user gets it.
 *
 * <p>This is a measurement, as {@code HeldOutCrsTest} is: a case that disagrees does not fail on its own. A case
 * agrees when its health matches and every {@code includes} code is among the verdict's reasons. Agreement is
 * written per case to target/workload-heldout-agreement.txt; the run fails below {@link #FLOOR}, or when more
 * cases than {@link #FALSE_HEALTHY_CEILING} are called HEALTHY where the source says they are not.
 */
class WorkloadHeldOutTest {

  /**
   * Full agreement reached (health and reasons), honestly; raise it when the analyzers improve, never by tuning to
   * a case. Round one (19 captures: 15 Pods, 2 Jobs, 2 Deployments; expectations committed in 5885fee before any
   * run) measured 12 of 19 with the analyzers of main ec77a21, no rule changed. Its seven misses, each with its
   * reading (analyzer, ambiguous expected code, or a capture that lacks what the diagnosis needs), are listed in
   * docs/status-vocabulary.md, "Held-out workload captures". Two conventions learned from them afterwards (ready is
   * no fewer than available; the job controller's terminal Warning with no pod active) bring it to 14. Round two
   * (17 captures, expectations committed in 9740cfb before any run) measured 11 of 17 blind with no rule changed:
   * the whole set reads 25 of 36 (README, "Round two"). Two conventions learned from it afterwards (a Job's
   * completionTime without its condition in view; the scheduler's Event naming the pod's claim as not found) bring
   * it to 27. Two more learned afterwards from rounds one and two (the scheduler's FailedScheduling Event read as
   * its Unschedulable condition when no condition is in view; its "unbound PersistentVolumeClaims" naming the pod's
   * claim not in view) bring it to 29. Round three (16 captures, committed in 3e455c7 before any run) measured 11 of
   * 16 blind with the rules of 1c44c83 (README, "Round three"), and 11 of 16 with main's rules when merged: 40 of 52.
   * Two conventions learned from it afterwards (a failed pod's DeadlineExceeded; conditions without a phase are a
   * status) bring it to 42. Round four (16 captures, committed in 50de608 before any run) measured 11 of 16 blind
   * with the rules of c0f4354 (README, "Round four"), and 11 of 16 with main's rules when merged: 53 of 68. The volume
   * controller's Warning read where StorageClasses are not in view, and a Job without a status explained by its
   * controller's Warning Events (learned from it afterwards): 56. Round five (16 captures, committed in 0f00477 before
   * any run) measured 6 of 16 blind with the rules of main 5b1060d (README, "Round five"): 62 of 84. Learned from it
   * afterwards (ReplicaSets and StatefulSets without a status explained by their controller's Warnings; pods with
   * nothing of their status in view judged from the kubelet's Events; the scheduler's volume node affinity conflict
   * named without the claim in view; readiness from the containers where no Ready condition is in view): 70. Round
   * six (16 captures, committed in 1e6673a before any run) measured 9 of 16 blind with the rules of main 5d46af9
   * (README, "Round six"): 79 of 100, one false HEALTHY. Learned from it afterwards (a CronJob's finished Job still
   * listed active; the kubelet's container-config errors; its Warning BackOff as the crash-loop back-off): 82. Round
   * seven (16 captures, committed in 9af7ba0 before any run) measured 12 of 16 blind with the rules of main 64a0b29
   * (README, "Round seven"): 94 of 116. Learned from it afterwards (a pod's status.reason without a phase is the
   * kubelet's failure; the prober's Unhealthy Events name their probe; an HPA's computed metrics where no condition
   * is in view; an external provisioner silent past the stuck window): 99. Round eight (12 captures, committed in
   * 8c26efa before any run) measured 7 of 12 blind with the rules of main 0b89887 (README, "Round eight"): 106 of 128.
   * Learned from it afterwards (a container still in the kubelet's restart back-off; OOMKilled without its exit code;
   * 1.26's preemption reason; the scheduler's Event where no status is in view): 110. Round nine (12 captures,
   * committed in 223cc06 before any run) measured 5 of 12 blind with the rules of main 8c0d5a7 (README, "Round
   * nine"): 115 of 140. Learned from it afterwards (the ServiceAccount plugin's NotFound; the scale subresource's
   * NotFound; the image manager's pull failure; a webhook's missing Service; a started pod with nothing failed
   * since): 122. Round ten (12 captures, committed in 9281a31 before any run) measured 8 of 12 blind with the rules
   * of main 7789d81 (README, "Round ten"): 130 of 152. Learned from it afterwards (a claim's file system resize
   * pending past the stuck window; the kubelet's Evicted Event where no status is in view; NodeLost is the node
   * controller's): 133. Round eleven (9 captures, committed in db1f169 before any run) measured 8 of 9 blind with
   * the rules of main b5c17ac (README, "Round eleven"): 141 of 161. Learned from it afterwards (a budget's counts
   * without observedGeneration; the disruption controller's NoPods): 142. A convention learned from held-out CR round
   * forty-two (a status of observedGeneration alone, caught up, is current: kstatus) reads the extensions/v1beta1
   * Deployment scaled to zero: 143. Round twelve (10 captures, committed in e7cfe87 before any run) measured 8 of 10
   * blind with the rules of main f7eeb17 (README, "Round twelve"): 150 of 171. Learned from it afterwards (the image
   * manager's ImageInspectError at once; the daemonset controller's FailedDaemonPod twice on one node): 152; with the
   * convention of CR round forty-two: 153. Round thirteen (10 captures, committed in 2102b2b before any run) measured
   * 7 of 10 blind with the rules of main d6bb1b8 (README, "Round thirteen"): 160 of 181. Learned from it afterwards
   * (the HPA controller's failing Warning as its condition; a runtime handler the node's runtime lacks): 162. Round
   * fourteen (7 captures, committed in 9038b95 before any run) measured 7 of 7 blind with the rules of main 856bc246
   * (README, "Round fourteen"): 169 of 188; its second batch (2, committed in 8056f5f) 0 of 2 blind: 169 of 190, which
   * the convention learned from it (a FailedCreate newer than every SuccessfulCreate) leaves unchanged. Round fifteen
   * (6 captures, committed in 971175c8 and 974e88bf before any run) measured 4 of 6 blind with the rules of main
   * 62f82611 (README, "Round fifteen"): 173 of 196. Round sixteen (6 captures, committed in b4ff2c0a and f330a60d
   * before any run) measured 3 of 6 blind with the rules of main 25dc6366 (README, "Round sixteen"): 176 of 202; 177
   * with the HPA's expectation corrected after the run (README). Learned from it afterwards (the new ReplicaSet by
   * its template where no revision annotation names it): 178. Round seventeen (6 captures, committed in d2e73089
   * before any run) measured 5 of 6 blind with the rules of main 326969cd (README, "Round seventeen"): 183 of 208.
   * Learned from it afterwards (a failed volume expansion; a StatefulSet whose missing pods never come while those in
   * view are ready): 185. Round eighteen (7 captures, committed in d2371d83 before any run) measured 4 of 7 blind with
   * the rules of main 930ac544 (README, "Round eighteen"): 189 of 215. Learned from it afterwards (the kubelet's
   * restart back-off in Events judged as a CrashLoopBackOff status): 190.
   */
  static final int FLOOR = 190;
  /**
   * Health agreement: 13 of 19 in the blind run, 15 since (one case agrees on health, not on the reason's name);
   * round two 13 of 17 blind, whole set 28 of 36; 29 since (the Job's completionTime); 30 since (the scheduler's
   * Event read as its condition); round three 12 of 16 blind, whole set 42 of 52; 43 since (conditions without a
   * phase); round four 13 of 16 blind, whole set 56 of 68; 57 since (a Job without a status explained by its
   * Events); round five 8 of 16 blind, whole set 65 of 84; 72 since (its four conventions); round six 10 of 16
   * blind, whole set 82 of 100; 84 since (its three conventions); round seven 13 of 16 blind, whole set 97 of 116;
   * 101 since (its four conventions); round eight 7 of 12 blind, whole set 108 of 128;
   * 112 since (its four conventions); round nine 10 of 12 blind, whole set 122 of 140; 124 since (its five
   * conventions); round ten 8 of 12 blind, whole set 132 of 152; 135 since (its
   * three conventions); round eleven 8 of 9 blind, whole set 143 of 161; 144
   * since (its two conventions); 145 since (a status of observedGeneration alone, learned from CR round forty-two);
   * round twelve 8 of 10 blind, whole set 152 of 171; 154 since (its two conventions), 155 with CR round forty-two's;
   * round thirteen 7 of 10 blind, whole set 162 of 181; 164 since (its two conventions); round fourteen 7 of 7
   * blind, whole set 171 of 188; its second batch 0 of 2 blind, whole set 171 of 190; round fifteen 4 of 6 blind,
   * whole set 175 of 196; round sixteen 4 of 6 blind, whole set 179 of 202, 180 with the HPA's expectation
   * corrected; 181 since (the new ReplicaSet by its template); round seventeen 5 of 6 blind, whole set 186 of 208; 188
   * since (its two conventions); round eighteen 5 of 7 blind, whole set 193 of 215; 194
   * since (the restart back-off in Events).
   */
  static final int HEALTH_FLOOR = 194;
  /**
   * Cases called HEALTHY that the source says are not (the costly miss): none in round one; round eight's blind run
   * had one (README, "Round eight"), none since; none in round nine's blind run; round ten's
   * blind run had one (README, "Round ten": a claim's file system resize pending 16 minutes read as nothing), none since;
   * none in round eleven's, round twelve's or round thirteen's blind run; round fourteen's second batch had one
   * (README, "Round fourteen, second batch": a DaemonSet's zero counts beside its FailedCreate), none since; round
   * sixteen's blind run had one as written (an HPA deactivated by a target at zero, expected SUSPENDED), none once its
   * expectation was corrected to HEALTHY (README, "Round sixteen"); round seventeen's blind run had one (a claim
   * whose expansion failed, read Bound), none since.
   */
  static final int FALSE_HEALTHY_CEILING = 0;

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Map<String, String> REPORT = new TreeMap<>();
  private static final List<String> MISSES = new ArrayList<>();
  private static final List<String> FALSE_HEALTHY = new ArrayList<>();
  private static int total;
  private static int healthAgree;
  private static int fullAgree;

  @TestFactory
  Stream<DynamicTest> heldOutWorkloads() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/workload-heldout").toURI());
    List<Path> expected;
    try (Stream<Path> files = Files.walk(root)) {
      expected = files.filter(p -> p.getFileName().toString().equals("expected.yaml")).sorted().toList();
    }
    assertThat(expected).as("held-out workload cases").hasSizeGreaterThanOrEqualTo(15);
    return expected.stream().map(file -> {
      String name = root.relativize(file.getParent()).toString().replace('\\', '/');
      return DynamicTest.dynamicTest(name, () -> judge(name, file));
    });
  }

  private static void judge(String name, Path expectedFile) throws IOException {
    Path folder = expectedFile.getParent();
    assertThat(folder.resolve("source.md")).as("%s records its source", name).exists();
    assertThat(Files.readString(folder.resolve("source.md"))).as("%s names its source URL", name)
        .contains("https://");
    JsonNode expected = YAML.readTree(expectedFile.toFile());
    Health health = Health.valueOf(expected.get("health").asText());
    List<String> includes = new ArrayList<>();
    expected.path("includes").forEach(n -> includes.add(n.asText()));
    Verdict verdict;
    try (Blame blame = BlameFixture.folder(folder).at(Instant.parse(expected.get("now").asText())).build()) {
      ObjectRef subject = resolve(blame, expected.get("subject").asText());
      verdict = blame.verdict(subject).orElseThrow(() -> new AssertionError(name + ": no verdict for " + subject));
    }
    Set<String> reasons = verdict.findings().stream().map(f -> f.reason().code())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    boolean healthOk = verdict.health() == health;
    List<String> missing = includes.stream().filter(r -> !reasons.contains(r)).toList();
    boolean agree = healthOk && missing.isEmpty();
    String said = verdict.health() + "/" + verdict.status() + " " + reasons + " "
        + verdict.findings().stream().limit(3).map(WorkloadHeldOutTest::brief).toList();
    synchronized (REPORT) {
      total++;
      healthAgree += healthOk ? 1 : 0;
      fullAgree += agree ? 1 : 0;
      REPORT.put(name, (agree ? "pass" : healthOk ? "reasons" : "FAIL") + "  expected " + health + " " + includes
          + "  ours " + said);
      if (!agree) {
        MISSES.add(name + ": " + health + " " + includes + " -> " + said
            + (missing.isEmpty() ? "" : "  missing " + missing));
      }
      if (health != Health.HEALTHY && verdict.health() == Health.HEALTHY) {
        FALSE_HEALTHY.add(name + " (" + health + ")");
      }
    }
    if (verdict.health() != Health.HEALTHY) {
      assertThat(verdict.findings()).as("%s: a verdict other than HEALTHY says why", name).isNotEmpty();
    }
  }

  private static String brief(Finding f) {
    String message = f.message().length() > 160 ? f.message().substring(0, 157) + "..." : f.message();
    return f.health() + " " + f.reason().code() + ": " + message;
  }

  /** {@code Kind/name}: the one object of that kind and name in the folder. */
  private static ObjectRef resolve(Blame blame, String text) {
    String[] parts = text.split("/", -1);
    GroupKind kind = GroupKind.parse(parts[0]);
    String name = parts[parts.length - 1];
    List<ObjectRef> matches = blame.kinds().stream()
        .filter(k -> k.equals(kind) || kind.isCore() && k.kind().equals(kind.kind()))
        .flatMap(k -> blame.list(k, "").stream()).map(Node::ref)
        .filter(r -> r.name().equals(name)).toList();
    assertThat(matches).as("one %s in the fixture", text).hasSize(1);
    return matches.get(0);
  }

  @AfterAll
  static void report() throws IOException {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Held-out workload captures: %d of %d agree (health and reasons), health alone %d of %d%n",
        fullAgree, total, healthAgree, total));
    REPORT.forEach((c, line) -> text.append(String.format(Locale.ROOT, "  %-60s %s%n", c, line)));
    text.append("Called HEALTHY but not: ").append(FALSE_HEALTHY).append('\n');
    text.append("Misses (expected -> ours):\n");
    MISSES.stream().sorted().forEach(m -> text.append("  ").append(m).append('\n'));
    System.out.print(text);
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      Files.writeString(target.resolve("workload-heldout-agreement.txt"), text);
    }
    assertThat(fullAgree).as("full agreement on held-out workload captures fell below the floor")
        .isGreaterThanOrEqualTo(FLOOR);
    assertThat(healthAgree).as("health agreement on held-out workload captures fell below the floor")
        .isGreaterThanOrEqualTo(HEALTH_FLOOR);
    assertThat(FALSE_HEALTHY).as("cases called HEALTHY that are not").hasSizeLessThanOrEqualTo(FALSE_HEALTHY_CEILING);
  }
}
