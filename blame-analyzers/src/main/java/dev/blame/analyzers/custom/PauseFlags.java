package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user's requests that an object stand still: pause words as booleans of the spec, as annotations and as labels.
 * While one is set the operator stops reconciling, or the object stops serving, so they outrank whatever the status says.
 */
final class PauseFlags {

  private PauseFlags() {}

  /** Booleans of the spec by which the user asks the object to stand still: the suspension words as flags. */
  private static final List<String> SPEC_PAUSE_FLAGS = List.of("pause", "paused", "suspend", "suspended", "disabled",
      "halted", "hibernated", "hibernate", "stop", "stopped");

  /**
   * The user's pause flags: while one is set the operator stops reconciling, or the object stops serving, so they
   * outrank the status. {@code spec.paused} (Cluster API, Argo Rollouts, Flagger), {@code spec.suspend} (CronJob,
   * Flux), {@code spec.disabled} (Cilium's and Calico's IP pools: no address is handed out from a disabled pool),
   * {@code spec.halted} (KubeDB's databases: the operator stops the database and keeps its data).
   */
  static List<Signal> read(Unstructured object) {
    List<Signal> signals = new ArrayList<>();
    for (String flag : SPEC_PAUSE_FLAGS) {
      if (object.bool("spec", flag)) {
        signals.add(new Signal(Health.SUSPENDED, "spec." + flag, "true", Optional.empty(), List.of("spec:" + flag)));
      }
    }
    desiredStates(object, signals);
    metadataFlags(object, "annotations", "annotation:pause", signals);
    metadataFlags(object, "labels", "label:pause", signals);
    return signals;
  }

  /** Fields of the spec that name the state the user wants the object to be in. */
  private static final List<String> DESIRED_STATES = List.of("state", "desiredState", "powerState");
  /** The map of the spec that describes the one job the object runs, whose {@code state} the user sets. */
  private static final String JOB = "job";
  /**
   * A word of a setting switched off, not of something standing still: {@code state: Enabled | Disabled} is how Azure
   * resources (and the Crossplane and Azure Service Operator kinds generated from them) toggle a feature such as an
   * alert policy or a rule, which stays provisioned and healthy.
   */
  private static final String SWITCHED_OFF = "disabled";

  /**
   * The state the user asks for, as a word of the spec: a pause word there ({@link StatusWords}' SUSPENDED table) is a
   * pause asked for, as the boolean flags are. The object's own {@code spec.state} (Strimzi's KafkaConnector:
   * {@code paused} or {@code stopped}), {@code spec.powerState} (Hive's ClusterDeployment {@code Hibernating}, VMware's
   * VM Operator {@code PoweredOff}), or the {@code state} of the job it runs ({@code spec.job.state: suspended}: the
   * Apache Flink Kubernetes Operator, Confluent's FlinkApplication). Not the {@code state} of another map of the spec
   * (the parameters of an external resource, as Crossplane's {@code forProvider}, describe that resource's settings),
   * not an entry of a list (one mirror of several paused), not {@code disabled} (a feature switched off), and any other
   * word ({@code running}, {@code Active}) asks for nothing here.
   */
  private static void desiredStates(Unstructured object, List<Signal> signals) {
    Unstructured spec = object.child("spec");
    for (String field : DESIRED_STATES) {
      desiredState("spec." + field, spec.string(field), signals);
    }
    desiredState("spec." + JOB + ".state", spec.child(JOB).string("state"), signals);
  }

  private static void desiredState(String field, String word, List<Signal> signals) {
    if (word.isBlank() || word.equalsIgnoreCase(SWITCHED_OFF)) {
      return;
    }
    StatusWords.read(word).filter(m -> m.health() == Health.SUSPENDED).ifPresent(m -> signals.add(
        new Signal(Health.SUSPENDED, field, word, Optional.empty(), List.of("spec:desired-state"))));
  }

  /**
   * Pause switches among the object's annotations, or among its labels: the same names serve both ways (Strimzi's and
   * Crossplane's annotations; the label of authzed's controller-idioms {@code pause} handler, which its operators
   * answer with a {@code Paused} condition, and Solace's {@code solace.com/pauseReconcile} label, answered by
   * {@code NoWarnings=False MaintenanceModeActive}, "reconcile paused").
   */
  private static void metadataFlags(Unstructured object, String where, String rule, List<Signal> signals) {
    for (Map.Entry<String, String> flag : object.stringMap("metadata", where).entrySet()) {
      String value = flag.getValue() == null ? "" : flag.getValue().trim();
      String name = flag.getKey().substring(flag.getKey().lastIndexOf('/') + 1);
      boolean presence = value.isEmpty() && name.matches("[A-Za-z]+"); // cluster.x-k8s.io/paused: ""
      if (isPauseAnnotation(flag.getKey()) && (presence || value.equalsIgnoreCase("true"))) {
        signals.add(new Signal(Health.SUSPENDED, "metadata." + where + "[" + flag.getKey() + "]", value,
            Optional.empty(), List.of(rule)));
      }
    }
  }

  /** Words of a pause asked for, as an annotation's name says them. */
  private static final Set<String> PAUSE_ANNOTATION_WORDS = Set.of("pause", "paused", "suspend", "suspended", "stop",
      "stopped");

  /**
   * An annotation by which the user asks the operator to keep its hands off the object: its name (after the
   * prefix) is a pause word, alone or joined to what it pauses ({@code cluster.x-k8s.io/paused},
   * {@code crossplane.io/paused}, Strimzi's {@code strimzi.io/pause-reconciliation}, StackGres'
   * {@code stackgres.io/reconciliation-pause}, MOCO's {@code moco.cybozu.com/clustering-stopped}, Solace's
   * {@code solace.com/pauseReconcile}): a pause or stop word, alone or with one word for what it holds still, the words
   * split at dashes, dots, underscores or a capital. Valued {@code "true"}, or empty where presence is the switch
   * (Cluster API); {@code "false"} or any other value is no pause. A name that records a pause ({@code paused-at},
   * {@code last-paused-by}) does not ask for one.
   */
  static boolean isPauseAnnotation(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    String[] words = name.split("(?<=[a-z])(?=[A-Z])|[-_.]");
    for (int i = 0; i < words.length; i++) {
      words[i] = words[i].toLowerCase(Locale.ROOT);
    }
    long pauses = Arrays.stream(words).filter(PAUSE_ANNOTATION_WORDS::contains).count();
    return pauses == 1 && (words.length == 1 || words.length == 2 && Arrays.stream(words)
        .noneMatch(RECORD_WORDS::contains));
  }

  /** Words that make a pause annotation's name a record of one ({@code paused-at}, {@code paused-by}), not a switch. */
  private static final Set<String> RECORD_WORDS = Set.of("at", "by", "since", "until", "time", "reason", "last",
      "count", "message", "for");
}
