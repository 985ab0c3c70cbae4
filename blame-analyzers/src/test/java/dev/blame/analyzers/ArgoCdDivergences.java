package dev.blame.analyzers;

import java.util.HashMap;
import java.util.Map;

/**
 * Cases of the Argo CD CRD corpus where our verdict differs from Argo CD's on purpose, grouped by argument;
 * docs/status-vocabulary.md lists the same groups. Argo CD judges each of these kinds with a script written
 * for it; we judge every kind with one set of conventions, and hold our verdict where the object alone
 * supports it better, or where only knowledge of the kind could support Argo CD's. Used by
 * {@link ArgoCdCrdConformanceTest}, which asserts our verdict for each and fails when one starts agreeing.
 */
final class ArgoCdDivergences {

  /** Our verdict for the case and why it differs from Argo CD's. */
  record Divergence(String ours, String reason) {}

  static final Map<String, Divergence> DIVERGENCES = new HashMap<>();

  static final String PENDING = "state Pending means not yet validated: waiting, PROGRESSING; Argo CD's script maps"
      + " it to Suspended";
  static final String EMPTY_STATUS = "the status is empty ({}), so it says nothing: UNKNOWN; Argo CD's script knows"
      + " the kind and waits (or knows the kind keeps no status)";
  static final String NOTHING_KNOWN = "the status holds no condition, phase, state or health; a controller wrote it,"
      + " so the object is being worked on and nothing says ready: PROGRESSING; the script knows that this kind's"
      + " only field (a version) means it runs";
  static final String GENERATION = "status.observedGeneration is behind metadata.generation, so the rest of the"
      + " status is stale: PROGRESSING (kstatus); Argo CD's script ignores observedGeneration";
  static final String CONDITION_STATUS = "a condition status that is neither True, False nor Unknown is not"
      + " understood: UNKNOWN rather than a guessed failure";
  static final String OWN_WORDS = "the object's own status words say otherwise: a phase, state or condition status"
      + " we read literally (Degraded is degraded, failure is failed, pending is waiting), where the script gives"
      + " them a kind-specific meaning";
  static final String DOMAIN = "Argo CD's script reads kind-specific fields (commit SHAs, environment lists,"
      + " application counts) that carry no convention: the object's conventional signals say otherwise";
  static final String WAITING = "the reason says the object is still being worked on (Initializing, Unpacking,"
      + " no ready pod yet, scaling) and no reason says failed: PROGRESSING; the script calls it final";
  static final String DELETION = "a deletion timestamp makes the object PROGRESSING (terminating) whatever else"
      + " holds, as in gitops-engine and kstatus";
  static final String NO_STATUS = "no status at all: no controller has reported yet, PROGRESSING; the script knows"
      + " that this kind keeps no status";
  static final String SUSPEND = "spec.suspend is SUSPENDED, as for Deployments (spec.paused); Argo CD calls a"
      + " suspended CronJob Healthy";

  static {
    for (String kind : new String[] {"Proxy", "Settings", "UpstreamGroup", "Upstream"}) {
      // solo-kit's Pending, written as its name or as its enum number 0 (ReporterStates).
      add("gloo.solo.io__" + kind + "__non-namespaced-gloo-pending", "PROGRESSING", PENDING);
      add("gloo.solo.io__" + kind + "__gloo-pending", "PROGRESSING", PENDING);
    }
    add("jaegertracing.io__Jaeger__progressing", "UNKNOWN", EMPTY_STATUS);
    add("logstash.k8s.elastic.co__Logstash__unknown", "UNKNOWN", EMPTY_STATUS);
    add("kubevirt.io__VirtualMachineInstance__progressing_nostatus", "UNKNOWN", EMPTY_STATUS);
    add("promoter.argoproj.io__PromotionStrategy__no-ready-condition", "UNKNOWN", EMPTY_STATUS);
    add("source.toolkit.fluxcd.io__HelmRepository__oci", "UNKNOWN", EMPTY_STATUS);
    add("opentelemetry.io__OpenTelemetryCollector__sidecar", "PROGRESSING", NOTHING_KNOWN);
    add("cluster.x-k8s.io__MachineHealthCheck__degraded_expectedMachines", "HEALTHY", DOMAIN);
    add("rabbitmq.com__Exchange__degraded", "PROGRESSING", GENERATION);
    add("rabbitmq.com__Exchange__healthy", "PROGRESSING", GENERATION);
    add("operator.knative.dev__KnativeEventing__degraded", "UNKNOWN", CONDITION_STATUS);
    add("operator.knative.dev__KnativeServing__degraded", "UNKNOWN", CONDITION_STATUS);
    add("monitoring.coreos.com__Prometheus__progressing", "DEGRADED", OWN_WORDS);
    add("beat.k8s.elastic.co__Beat__invalid", "DEGRADED", OWN_WORDS);
    add("promoter.argoproj.io__CommitStatus__failure", "DEGRADED", OWN_WORDS);
    add("promoter.argoproj.io__CommitStatus__pending", "PROGRESSING", OWN_WORDS);
    add("promoter.argoproj.io__ChangeTransferPolicy__non-successful-environments", "PROGRESSING", OWN_WORDS);
    add("promoter.argoproj.io__ChangeTransferPolicy__progressing-failed-pending", "DEGRADED", OWN_WORDS);
    add("promoter.argoproj.io__PromotionStrategy__progressing-failed-pending", "DEGRADED", OWN_WORDS);
    add("operators.coreos.com__Subscription__install_plan_manual_upgrade_pending", "PROGRESSING", OWN_WORDS);
    add("promoter.argoproj.io__ArgoCDCommitStatus__no-applications", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__PromotionStrategy__no-environments", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__ChangeTransferPolicy__active-dry-sha-missing", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__ChangeTransferPolicy__proposed-dry-sha-missing", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__PromotionStrategy__active-dry-sha-missing", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__PromotionStrategy__proposed-dry-sha-missing", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__PromotionStrategy__proposed-note-dry-sha-preferred", "HEALTHY", DOMAIN);
    add("promoter.argoproj.io__GitCommitStatus__no-ready-condition", "HEALTHY", DOMAIN);
    add("monitoring.coreos.com__Prometheus__degraded", "PROGRESSING", WAITING);
    add("pkg.crossplane.io__Provider__degraded_healthy", "PROGRESSING", WAITING);
    add("opentelemetry.io__OpenTelemetryCollector__degraded", "PROGRESSING", WAITING);
    add("cluster.x-k8s.io__MachinePool__scaling_provisioned", "PROGRESSING", WAITING);
    add("kubevirt.io__VirtualMachineInstance__suspended_succeeded", "PROGRESSING", DELETION);
    add("argoproj.io__CronWorkflow__noConditionsCronWorkflow", "PROGRESSING", NO_STATUS);
    add("batch__CronJob__suspended", "SUSPENDED", SUSPEND);
  }

  private static void add(String id, String ours, String reason) {
    DIVERGENCES.put(id, new Divergence(ours, reason));
  }

  private ArgoCdDivergences() {}
}
