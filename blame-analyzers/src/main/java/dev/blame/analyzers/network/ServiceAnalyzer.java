package dev.blame.analyzers.network;

import dev.blame.analyzers.custom.Unstructured;
import dev.blame.analyzers.custom.Verdicts;
import dev.blame.api.EdgeKind;
import dev.blame.api.EventRecord;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Selector;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services, traced like {@code kubespy trace}: the selector matches pods, the pods are ready, the endpoints
 * have addresses, each targetPort exists on the pods, a LoadBalancer got an address. Selects its pods and its
 * EndpointSlices (by the {@code kubernetes.io/service-name} label) and its Endpoints (by name).
 */
public final class ServiceAnalyzer implements Analyzer {

  public static final GroupKind ENDPOINT_SLICE = GroupKind.of("discovery.k8s.io", "EndpointSlice");
  public static final ReasonCode SELECTOR_MATCHES_NO_PODS = ReasonCode.of("SelectorMatchesNoPods");
  public static final ReasonCode NO_READY_PODS = ReasonCode.of("NoReadyPods");
  public static final ReasonCode PODS_NOT_READY = ReasonCode.of("PodsNotReady");
  public static final ReasonCode NO_ENDPOINTS = ReasonCode.of("NoEndpoints");
  public static final ReasonCode TARGET_PORT_NOT_FOUND = ReasonCode.of("TargetPortNotFound");
  public static final ReasonCode LOAD_BALANCER_PENDING = ReasonCode.of("LoadBalancerPending");
  public static final ReasonCode LOAD_BALANCER_FAILED = ReasonCode.of("LoadBalancerFailed");
  public static final ReasonCode EXTERNAL_NAME_EMPTY = ReasonCode.of("ExternalNameEmpty");

  @Override
  public String id() {
    return "blame.Service";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.SERVICE);
  }

  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.POD, GroupKind.ENDPOINTS, ENDPOINT_SLICE);
  }

  @Override
  public List<Link> links(Node node) {
    Unstructured u = Unstructured.of(node.object());
    if ("ExternalName".equals(u.string("spec", "type"))) {
      return List.of();
    }
    String ns = node.ref().namespace();
    List<Link> links = new ArrayList<>();
    Map<String, String> selector = u.stringMap("spec", "selector");
    if (!selector.isEmpty()) {
      links.add(Link.select(EdgeKind.SELECTS, GroupKind.POD, ns, Selector.of(selector)));
    }
    links.add(Link.to(EdgeKind.SELECTS, ObjectRef.of(GroupKind.ENDPOINTS, ns, node.ref().name())));
    links.add(Link.select(EdgeKind.SELECTS, ENDPOINT_SLICE, ns,
        Selector.of(Map.of("kubernetes.io/service-name", node.ref().name()))));
    return links;
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    Unstructured u = Unstructured.of(ctx.node().object());
    String type = u.string("spec", "type").isEmpty() ? "ClusterIP" : u.string("spec", "type");
    if ("ExternalName".equals(type)) {
      String host = u.string("spec", "externalName");
      return host.isEmpty()
          ? Verdicts.of(Health.DEGRADED, ReconcileStatus.FAILED, "", List.of(Finding.builder().subject(ref)
              .health(Health.DEGRADED).reason(EXTERNAL_NAME_EMPTY).message("ExternalName Service has no spec.externalName")
              .addEvidence(Evidence.field("spec.externalName", "")).build()))
          : Verdicts.healthy("ExternalName: DNS alias for " + host + " (no pods, no endpoints)");
    }
    List<Finding> findings = new ArrayList<>();
    if ("LoadBalancer".equals(type) && u.list("status", "loadBalancer", "ingress").isEmpty()) {
      findings.add(loadBalancer(ctx, ref));
    }
    Map<String, String> selectorLabels = u.stringMap("spec", "selector");
    GraphView graph = ctx.graph();
    boolean podsExplain = false;
    if (!selectorLabels.isEmpty() && graph.observes(GroupKind.POD)) {
      Selector selector = Selector.of(selectorLabels);
      List<Node> pods = graph.targets(ref, EdgeKind.SELECTS).stream()
          .filter(n -> n.ref().groupKind().equals(GroupKind.POD)).toList();
      List<Node> notReady = pods.stream().filter(p -> !SelectedPods.isReady(p)).toList();
      if (pods.isEmpty()) {
        podsExplain = true;
        String instead = SelectedPods.labelsInNamespace(graph, ref.namespace(), selector);
        findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(SELECTOR_MATCHES_NO_PODS)
            .message("selector " + selector + " matches no pod; " + instead)
            .addEvidence(Evidence.field("spec.selector", selector.toString()))
            .addEvidence(Evidence.field("pods in namespace " + ref.namespace(), instead)).build());
      } else if (notReady.size() == pods.size()) {
        podsExplain = true;
        Health health = notReady.stream().anyMatch(p -> SelectedPods.health(graph, p) == Health.DEGRADED)
            ? Health.DEGRADED : Health.PROGRESSING;
        findings.add(notReadyFinding(ref, graph, notReady, pods.size(), health, NO_READY_PODS));
      } else if (!notReady.isEmpty()) {
        findings.add(notReadyFinding(ref, graph, notReady, pods.size(), Health.HEALTHY, PODS_NOT_READY));
      }
      findings.addAll(TargetPorts.check(ref, u, pods));
    }
    if (!podsExplain) {
      endpointsFinding(ref, graph, !selectorLabels.isEmpty()).ifPresent(findings::add);
    }
    String shape = "None".equals(u.string("spec", "clusterIP")) ? "headless " + type : type;
    String message = selectorLabels.isEmpty() ? shape + " without selector: endpoints are managed outside Kubernetes"
        : shape;
    return Verdicts.of(Health.HEALTHY, ReconcileStatus.CURRENT, findings.isEmpty() ? message : "", findings);
  }

  private static Finding loadBalancer(AnalysisContext ctx, ObjectRef ref) {
    Optional<EventRecord> failure = ctx.events().stream()
        .filter(e -> e.isWarning() && e.reason().contains("LoadBalancer")).findFirst();
    if (failure.isPresent()) {
      return Finding.builder().subject(ref).health(Health.DEGRADED).reason(LOAD_BALANCER_FAILED)
          .message("the cloud provider failed to provision the load balancer: " + failure.get().message())
          .addEvidence(Evidence.event(failure.get())).addEvidence(Evidence.field("status.loadBalancer.ingress", "[]"))
          .build();
    }
    return Finding.builder().subject(ref).health(Health.PROGRESSING).reason(LOAD_BALANCER_PENDING)
        .message("waiting for the load balancer to get an address")
        .addEvidence(Evidence.field("status.loadBalancer.ingress", "[]")).build();
  }

  private static Finding notReadyFinding(ObjectRef ref, GraphView graph, List<Node> notReady, int total,
      Health health, ReasonCode reason) {
    var b = Finding.builder().subject(ref).health(health).reason(reason)
        .message(notReady.size() + " of " + total + " selected pods not ready: "
            + SelectedPods.describeNotReady(graph, notReady));
    notReady.stream().limit(5).forEach(p -> b.addEvidence(Evidence.builder().kind(Evidence.Kind.CONDITION)
        .path("status.conditions[Ready]").value(SelectedPods.whyNotReady(graph, p)).source(p.ref()).build()));
    return b.build();
  }

  private static Optional<Finding> endpointsFinding(ObjectRef ref, GraphView graph, boolean hasSelector) {
    boolean slices = graph.observes(ENDPOINT_SLICE);
    if (!slices && !graph.observes(GroupKind.ENDPOINTS)) {
      return Optional.empty();
    }
    List<Node> targets = graph.targets(ref, EdgeKind.SELECTS);
    int ready = 0;
    for (Node n : targets) {
      Unstructured e = Unstructured.of(n.object());
      if (n.ref().groupKind().equals(GroupKind.ENDPOINTS)) {
        ready += e.list("subsets").stream().mapToInt(s -> s.list("addresses").size()).sum();
      } else if (n.ref().groupKind().equals(ENDPOINT_SLICE)) {
        ready += (int) e.list("endpoints").stream()
            .filter(p -> !"false".equals(p.string("conditions", "ready"))).count();
      }
    }
    if (ready > 0) {
      return Optional.empty();
    }
    String where = slices ? "EndpointSlices labelled kubernetes.io/service-name=" + ref.name() : "Endpoints " + ref.name();
    return Optional.of(Finding.builder().subject(ref)
        .health(hasSelector ? Health.PROGRESSING : Health.DEGRADED).reason(NO_ENDPOINTS)
        .message("no ready endpoint addresses in " + where
            + (hasSelector ? "" : "; a Service without selector needs Endpoints created by hand"))
        .addEvidence(Evidence.field(where, "0 ready addresses")).build());
  }
}
