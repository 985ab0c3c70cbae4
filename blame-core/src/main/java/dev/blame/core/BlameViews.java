package dev.blame.core;

import dev.blame.api.Activity;
import dev.blame.api.BlameTree;
import dev.blame.api.ChangedBy;
import dev.blame.api.EdgeKind;
import dev.blame.api.Escape;
import dev.blame.api.Explanation;
import dev.blame.api.FieldChange;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Injection;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.RevisionChange;
import dev.blame.api.RevisionDiff;
import dev.blame.api.TimelineEntry;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two views of blame, as text, from an {@link Explanation}; pure functions of it, so the same
 * explanation always renders the same text, with ages computed from {@link Explanation#at()}.
 *
 * <ul>
 *   <li>{@link #causeToEffect}: what the target set in motion. One section per object, from the target down
 *       through the objects its {@link Activity activities} create or update, each with its activities and
 *       its own findings:
 *       <pre>
 * Deployment my-busybox: Edited 15s ago - In progress...
 *   -&gt; Creating ReplicaSet my-busybox-v10
 * ReplicaSet my-busybox-v10: Created 10s ago - In progress...
 *   -&gt; Deleting Pod my-busybox-pod-v9
 *   -&gt; Creating Pod my-busybox-pod-v10
 * Pod my-busybox-pod-v10: Created 5s ago - In progress...
 *   -&gt; ERROR: Container [main] completed with exit code 1</pre>
 *   <li>{@link #effectToCause}: why it fails. The culprits, where the failing pod's containers come from (its
 *       revision, or the admission webhook that injected them), and what that revision changed and who
 *       changed it:
 *       <pre>
 * ERROR: Container [main] completed with exit code 1
 *   -&gt; Container [main] from Deployment my-busybox revision 10
 *   -&gt; Container [istio-init] from Istio sidecar injector revision 2
 * Deployment my-busybox revision 10: Edited 15s ago by kubectl-edit
 *   -&gt; Image busybox:v3 (updated from busybox:v2)</pre>
 *   <li>{@link #timeline}: the dated steps of the rollout, oldest first.
 * </ul>
 *
 * <p>Thread-safe and stateless. Lines end with {@code \n}; the text never ends with a blank line.
 */
public final class BlameViews {

  private static final String ARROW = "  -> ";

  private BlameViews() {}

  /** Cause to effect: from the target, what it set in motion and how each step is going. */
  public static String causeToEffect(Explanation why) {
    List<BlameTree> steps = steps(why.effects());
    Set<ObjectRef> shown = new HashSet<>();
    steps.forEach(t -> shown.add(t.ref().key()));
    StringBuilder out = new StringBuilder();
    for (BlameTree t : steps) {
      out.append(e(t.ref().display())).append(": ").append(header(why, t)).append('\n');
      for (Activity a : t.verdict().activities()) {
        out.append(ARROW).append(e(a.toString())).append('\n');
      }
      for (Finding f : t.verdict().findings()) {
        if (f.subject().equals(t.ref()) && f.health() != Health.HEALTHY
            && !f.reason().equals(ReasonCode.CHILD_FAILING) && !liftedFromShown(f, t, shown)) {
          out.append(ARROW).append(label(f.health())).append(": ").append(e(f.message())).append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * The objects the cause-to-effect view shows, breadth first from the root: what each one's activities act
   * on (except what it deletes or scales down), or, when it reports no activity, its children in motion.
   */
  private static List<BlameTree> steps(BlameTree root) {
    List<BlameTree> steps = new ArrayList<>();
    Deque<BlameTree> queue = new ArrayDeque<>();
    Set<ObjectRef> seen = new HashSet<>();
    queue.add(root);
    seen.add(root.ref().key());
    while (!queue.isEmpty()) {
      BlameTree t = queue.poll();
      steps.add(t);
      List<BlameTree> next = new ArrayList<>();
      for (Activity a : t.verdict().activities()) {
        if (a.verb() != Activity.Verb.DELETING && a.verb() != Activity.Verb.SCALING_DOWN) {
          root.find(a.target()).ifPresent(next::add);
        }
      }
      if (t.verdict().activities().isEmpty()) {
        for (BlameTree child : t.children()) {
          if (inMotion(child.verdict().health())) {
            next.add(child);
          }
        }
      }
      for (BlameTree n : next) {
        if (seen.add(n.ref().key())) {
          queue.add(n);
        }
      }
    }
    return steps;
  }

  /**
   * A finding an owner carries about a descendant (its evidence all read from objects further down the tree)
   * that the view shows too: the descendant's own line says it, so the owner's line does not repeat it.
   */
  private static boolean liftedFromShown(Finding f, BlameTree t, Set<ObjectRef> shown) {
    return !f.evidence().isEmpty() && f.evidence().stream().allMatch(e -> e.source()
        .filter(s -> !s.equals(t.ref()) && shown.contains(s.key()) && t.find(s).isPresent()).isPresent());
  }

  /** Effect to cause: the culprits, where the failing containers come from, and what their revision changed. */
  public static String effectToCause(Explanation why) {
    StringBuilder out = new StringBuilder();
    if (why.culprits().isEmpty()) {
      Optional<Finding> worst = why.health() == Health.HEALTHY ? Optional.empty()
          : why.verdict().worstFinding().filter(f -> f.health() == why.health());
      if (worst.isPresent()) {
        // Nothing to blame (in progress, suspended): the target's own worst finding says what it waits for.
        out.append(label(worst.get().health())).append(": ").append(e(worst.get().message())).append('\n');
      } else {
        out.append(e(why.target().display())).append(": ").append(status(why.status()))
            .append(why.health() == Health.HEALTHY ? ", nothing to blame" : " (" + why.health() + ")").append('\n');
      }
    }
    Set<FieldChange> told = new HashSet<>();
    for (Finding f : why.culprits()) {
      out.append(label(f.health())).append(": ").append(e(f.message()));
      if (!f.subject().equals(why.target())) {
        out.append(" (").append(e(f.subject().display())).append(')');
      }
      out.append('\n');
      // The change that made a field the finding names what it is: who, how and when (managedFields).
      for (FieldChange c : why.fieldChanges()) {
        if (c.subject().equals(f.subject()) && f.evidence().stream().anyMatch(v -> v.path().equals(c.path()))
            && told.add(c)) {
          out.append(ARROW).append(e(c.path())).append(' ').append(e(c.value())).append(": set by ")
              .append(who(c.changedBy().manager())).append(" (").append(who(c.changedBy().operation())).append(')')
              .append(c.changedBy().time().map(t -> " " + ago(why.at(), t)).orElse(" at an unknown time"))
              .append('\n');
        }
      }
    }
    Optional<RevisionDiff> diff = why.revisionDiff();
    Optional<BlameTree> pod = podOf(why);
    if (pod.isPresent()) {
      origins(why, pod.get(), diff, out);
    }
    diff.ifPresent(d -> revision(why, d, out));
    return out.toString();
  }

  /** The timeline, oldest first: {@code   15s ago  Deployment my-busybox  Edited by kubectl-edit}. */
  public static String timeline(Explanation why) {
    List<String[]> rows = new ArrayList<>();
    int ageWidth = 0;
    int subjectWidth = 0;
    for (TimelineEntry e : why.timeline()) {
      String[] row = {ago(why.at(), e.time()), e(e.subject().display()), e(e.what())};
      ageWidth = Math.max(ageWidth, row[0].length());
      subjectWidth = Math.max(subjectWidth, row[1].length());
      rows.add(row);
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(String.format(Locale.ROOT, "%" + ageWidth + "s  %-" + subjectWidth + "s  %s", row[0], row[1], row[2])
          .stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String header(Explanation why, BlameTree t) {
    String when;
    Optional<RevisionDiff> diff = why.revisionDiff().filter(d -> d.revision().owner().equals(t.ref()));
    if (t.node().isEmpty()) {
      when = "Not found";
    } else if (diff.isPresent() && diff.get().time().isPresent()) {
      when = "Edited " + ago(why.at(), diff.get().time().get());
    } else if (t.node().get().deletedAt().isPresent()) {
      when = "Deleting, created " + t.node().get().createdAt().map(c -> ago(why.at(), c)).orElse("at an unknown time");
    } else {
      when = "Created " + t.node().get().createdAt().map(c -> ago(why.at(), c)).orElse("at an unknown time");
    }
    return when + " - " + status(t.verdict().status());
  }

  /** The pod whose containers to trace: the target if it is one, else the first culprit pod. */
  private static Optional<BlameTree> podOf(Explanation why) {
    List<ObjectRef> candidates = new ArrayList<>();
    candidates.add(why.target());
    why.culprits().forEach(f -> candidates.add(f.subject()));
    for (ObjectRef ref : candidates) {
      if (ref.groupKind().equals(GroupKind.POD)) {
        Optional<BlameTree> t = why.effects().find(ref).or(() -> why.causes().find(ref));
        if (t.isPresent() && t.get().node().isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }

  private static void origins(Explanation why, BlameTree podTree, Optional<RevisionDiff> diff, StringBuilder out) {
    Optional<Pod> pod = podTree.node().flatMap(n -> n.as(Pod.class));
    if (pod.isEmpty() || pod.get().getSpec() == null) {
      return;
    }
    ObjectRef ref = podTree.ref();
    String source = diff.map(d -> d.revision().toString())
        .or(() -> owner(why, ref).map(ObjectRef::display))
        .orElse("its own spec");
    Set<String> injected = new LinkedHashSet<>();
    List<Injection> injections = new ArrayList<>();
    for (Injection i : why.injections()) {
      if (i.subject().equals(ref) && (i.part() == Injection.Part.CONTAINER || i.part() == Injection.Part.INIT_CONTAINER)) {
        injected.add(i.name());
        injections.add(i);
      }
    }
    List<Container> containers = new ArrayList<>();
    if (pod.get().getSpec().getContainers() != null) {
      containers.addAll(pod.get().getSpec().getContainers());
    }
    if (pod.get().getSpec().getInitContainers() != null) {
      containers.addAll(pod.get().getSpec().getInitContainers());
    }
    for (Container c : containers) {
      if (!injected.contains(c.getName())) {
        out.append(ARROW).append("Container [").append(e(c.getName())).append("] from ").append(e(source)).append('\n');
      }
    }
    for (Injection i : injections) {
      out.append(ARROW).append("Container [").append(e(i.name())).append("] from ").append(who(i.injector())).append('\n');
    }
    // Volumes and environment variables the template does not have, one line per injector (and container).
    Map<InjectedBy, List<String>> others = new LinkedHashMap<>();
    for (Injection i : why.injections()) {
      if (!i.subject().equals(ref) || i.part() == Injection.Part.CONTAINER || i.part() == Injection.Part.INIT_CONTAINER
          || injected.contains(i.container().orElse(""))) {
        continue; // an injected container's own variables come with it
      }
      if (i.part() == Injection.Part.VOLUME && i.injectedBy().filter("ServiceAccount admission plugin"::equals).isPresent()) {
        continue; // the ServiceAccount token every pod gets: routine, kept in the data but not worth a line
      }
      String what = i.part() == Injection.Part.VOLUME ? "Volume" : "Env of container [" + i.container().orElse("?") + "]";
      others.computeIfAbsent(new InjectedBy(what, i.injector()), k -> new ArrayList<>()).add(i.name());
    }
    others.forEach((by, names) -> out.append(ARROW)
        .append(e(by.what().equals("Volume") && names.size() > 1 ? "Volumes" : by.what()))
        .append(" [").append(e(String.join(", ", names))).append("] from ").append(who(by.injector())).append('\n'));
  }

  /** Injected volumes or variables of one container, grouped by who injected them. */
  private record InjectedBy(String what, String injector) {}

  private static Optional<ObjectRef> owner(Explanation why, ObjectRef pod) {
    return why.causes().find(pod).flatMap(t -> t.children().stream()
        .filter(c -> c.via().map(v -> v == EdgeKind.OWNS).orElse(false))
        .map(BlameTree::ref).findFirst());
  }

  private static void revision(Explanation why, RevisionDiff d, StringBuilder out) {
    String verb = !d.rollback() ? "Edited"
        : "Rolled back to " + (d.history().isEmpty() ? "an earlier revision's template"
            : "revision " + d.history().get(d.history().size() - 1));
    out.append(e(d.revision().toString())).append(d.pending() ? " (not rolled out yet)" : "").append(": ").append(verb)
        .append(d.time().map(t -> " " + ago(why.at(), t)).orElse(" at an unknown time"))
        .append(d.changedBy().map(c -> " by " + who(c.manager())).orElse("")).append('\n');
    if (d.restartOnly()) {
      out.append(ARROW).append("Restart only (kubectl rollout restart at ")
          .append(e(d.changes().get(0).to().orElse("?"))).append(")\n");
    } else {
      long containers = d.changes().stream().flatMap(c -> c.container().stream()).distinct().count();
      Set<String> managers = new HashSet<>();
      d.changes().forEach(c -> managers.add(c.changedBy().map(ChangedBy::manager).orElse("")));
      for (RevisionChange c : d.changes()) {
        out.append(ARROW).append(e(change(c, containers > 1)));
        if (managers.size() > 1) {
          out.append(c.changedBy().map(b -> " by " + who(b.manager()))
              .orElse(c.to().isEmpty() ? " (managedFields do not record who removes a field)" : " (no manager recorded)"));
        }
        out.append('\n');
      }
    }
    if (d.previous().isEmpty()) {
      out.append(ARROW).append(d.revision().number() <= 1 ? "First revision, nothing to compare with\n"
          : "No earlier revision is kept to compare with (revisionHistoryLimit)\n");
    }
    d.evidenceMissing().ifPresent(m -> out.append(ARROW).append("Who made the change is unknown: ").append(e(m)).append('\n'));
    for (String a : d.attributions()) {
      out.append(ARROW).append("Via ").append(who(a)).append('\n');
    }
  }

  private static String change(RevisionChange c, boolean nameContainer) {
    String field = nameContainer && c.container().isPresent()
        ? "container [" + c.container().get() + "] " + c.field() : c.field();
    if (!field.contains(".")) {
      field = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
    if (c.from().isEmpty()) {
      return field + " " + c.to().orElse("") + " (added)";
    }
    if (c.to().isEmpty()) {
      return field + " removed (was " + c.from().get() + ")";
    }
    return field + " " + c.to().get() + " (updated from " + c.from().get() + ")";
  }

  /** Cluster text for a line of these views: one line, no control sequence ({@link Escape#terminal}). */
  private static String e(String text) {
    return Escape.terminal(text);
  }

  /**
   * Who did it (a field manager, an attribution, an injector) for a line of these views: {@link Escape#identity}, so
   * that a manager spelled with a look-alike letter never prints as the one it imitates.
   */
  private static String who(String text) {
    return Escape.identity(text);
  }

  private static boolean inMotion(Health health) {
    return health != Health.HEALTHY && health != Health.SUSPENDED && health != Health.UNKNOWN;
  }

  static String label(Health health) {
    switch (health) {
      case DEGRADED:
        return "ERROR";
      case MISSING:
        return "MISSING";
      case UNKNOWN:
        return "UNKNOWN";
      case PROGRESSING:
        return "WAITING";
      case SUSPENDED:
        return "SUSPENDED";
      default:
        return "OK";
    }
  }

  static String status(ReconcileStatus status) {
    switch (status) {
      case CURRENT:
        return "Current";
      case IN_PROGRESS:
        return "In progress...";
      case TERMINATING:
        return "Terminating...";
      case NOT_FOUND:
        return "Not found";
      case FAILED:
        return "Failed";
      default:
        return "Unknown";
    }
  }

  /** kubectl's short ages ({@code 15s}, {@code 3m20s}, {@code 5h}, {@code 2d}) followed by {@code ago}, or {@code in 30s}. */
  static String ago(Instant now, Instant then) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? "in " + human(d.negated()) : human(d) + " ago";
  }

  /**
   * An age as kubectl prints it (apimachinery's {@code duration.HumanDuration}): {@code 45s}, {@code 3m20s},
   * {@code 45m}, {@code 3h20m}, {@code 28h}, {@code 2d3h}, {@code 21d}, {@code 3y}; a negative duration (a clock
   * ahead of the server's) reads {@code 0s}.
   *
   * @param d the age
   * @return its short form
   */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    long m = s / 60;
    if (m < 10) {
      return s % 60 == 0 ? m + "m" : m + "m" + (s % 60) + "s";
    }
    if (m < 180) {
      return m + "m";
    }
    long h = m / 60;
    if (h < 8) {
      return m % 60 == 0 ? h + "h" : h + "h" + (m % 60) + "m";
    }
    if (h < 48) {
      return h + "h";
    }
    long days = h / 24;
    if (h < 24 * 8) {
      return h % 24 == 0 ? days + "d" : days + "d" + (h % 24) + "h";
    }
    if (days < 365 * 2) {
      return days + "d";
    }
    return days / 365 + "y";
  }
}
