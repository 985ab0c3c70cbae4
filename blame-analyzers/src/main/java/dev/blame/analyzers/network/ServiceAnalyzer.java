package dev.blame.analyzers.network;

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
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  /** The kinds its links point to: the pods it selects, its Endpoints and EndpointSlices. */
  @Override
  public Set<GroupKind> linksTo() {
    return reads();
  }

  @Override
  public List<Link> links(Node node) {
    Unstructured u = view(node);
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

  /** Of a selected pod: readiness, ports, and why it is not ready; of endpoints: all. */
  @Override
  public Optional<?> readsOf(Node target, Verdict verdict) {
    return SelectedPods.readOf(target, verdict);
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    Unstructured u = view(ctx.node());
    String type = u.string("spec", "type").isEmpty() ? "ClusterIP" : u.string("spec", "type");
    if ("ExternalName".equals(type)) {
      String host = u.string("spec", "externalName");
      return host.isEmpty()
          ? Judgement.of(Health.DEGRADED, ReconcileStatus.FAILED, "", List.of(Finding.builder().subject(ref)
              .health(Health.DEGRADED).reason(EXTERNAL_NAME_EMPTY).message("ExternalName Service has no spec.externalName")
              .addEvidence(Evidence.field("spec.externalName", "")).build()))
          : Judgement.healthy("ExternalName: DNS alias for " + host + " (no pods, no endpoints)");
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
      List<Node> notReady = pods.stream().filter(p -> !SelectedPods.isReady(graph, p)).toList();
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
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, findings.isEmpty() ? message : "", findings);
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
    notReady.stream().limit(5).forEach(p -> b.addEvidence(SelectedPods.readyEvidence(p)));
    return b.build();
  }

  /**
   * Whether the Service has ready endpoints, read from its EndpointSlices ({@code discovery.k8s.io/v1}, the source
   * of truth since the v1 Endpoints API was deprecated in Kubernetes 1.33) and from its v1 Endpoints only when no
   * slice for it exists. An endpoint without {@code conditions.ready} counts as ready, as the API defines it.
   */
  private static Optional<Finding> endpointsFinding(ObjectRef ref, GraphView graph, boolean hasSelector) {
    boolean slicesObserved = graph.observes(ENDPOINT_SLICE);
    if (!slicesObserved && !graph.observes(GroupKind.ENDPOINTS)) {
      return Optional.empty();
    }
    List<Node> targets = graph.targets(ref, EdgeKind.SELECTS);
    List<Node> slices = targets.stream().filter(n -> n.ref().groupKind().equals(ENDPOINT_SLICE)).toList();
    List<Node> sources = !slices.isEmpty() ? slices
        : targets.stream().filter(n -> n.ref().groupKind().equals(GroupKind.ENDPOINTS)).toList();
    int ready = 0;
    List<Evidence> evidence = new ArrayList<>();
    for (Node n : sources) {
      EndpointCounts counts = endpointCounts(n);
      ready += counts.ready();
      evidence.add(Evidence.builder().kind(Evidence.Kind.FIELD).path(n.ref().groupKind().equals(ENDPOINT_SLICE)
          ? "endpoints" : "subsets").value(counts.describe()).source(n.ref()).build());
    }
    if (ready > 0) {
      return Optional.empty();
    }
    String where = !slices.isEmpty() || sources.isEmpty() && slicesObserved
        ? "EndpointSlices labelled kubernetes.io/service-name=" + ref.name() : "Endpoints " + ref.name();
    if (evidence.isEmpty()) {
      evidence.add(Evidence.field(where, "none exist"));
    }
    String detail = sources.isEmpty() ? "" : " (" + evidence.stream()
        .map(e -> e.source().map(ObjectRef::display).orElse("") + ": " + e.value())
        .collect(Collectors.joining("; ")) + ")";
    return Optional.of(Finding.builder().subject(ref)
        .health(hasSelector ? Health.PROGRESSING : Health.DEGRADED).reason(NO_ENDPOINTS)
        .message("no ready endpoint addresses in " + where + detail
            + (hasSelector ? "" : "; a Service without selector needs Endpoints created by hand"))
        .evidence(evidence).build());
  }

  /** Endpoints of one EndpointSlice or Endpoints by condition. */
  private record EndpointCounts(int total, int ready, int serving, int terminating) {
    String describe() {
      if (total == 0) {
        return "no endpoints";
      }
      return ready + " of " + total + " ready" + (serving > ready ? ", " + serving + " serving" : "")
          + (terminating > 0 ? ", " + terminating + " terminating" : "");
    }
  }

  /** Endpoint conditions of an Endpoints or EndpointSlice, read from the typed object when it is one (no copy). */
  private static EndpointCounts endpointCounts(Node n) {
    Optional<EndpointSlice> slice = n.as(EndpointSlice.class);
    if (slice.isPresent()) {
      List<Endpoint> endpoints = slice.get().getEndpoints() == null ? List.of() : slice.get().getEndpoints();
      int ready = 0;
      int serving = 0;
      int terminating = 0;
      for (Endpoint p : endpoints) {
        var c = p.getConditions();
        boolean isReady = c == null || !Boolean.FALSE.equals(c.getReady());
        ready += isReady ? 1 : 0;
        serving += c == null || c.getServing() == null ? (isReady ? 1 : 0) : (c.getServing() ? 1 : 0);
        terminating += c != null && Boolean.TRUE.equals(c.getTerminating()) ? 1 : 0;
      }
      return new EndpointCounts(endpoints.size(), ready, serving, terminating);
    }
    Optional<Endpoints> typed = n.as(Endpoints.class);
    if (typed.isPresent()) {
      List<EndpointSubset> subsets = typed.get().getSubsets() == null ? List.of() : typed.get().getSubsets();
      int ready = subsets.stream().mapToInt(s -> s.getAddresses() == null ? 0 : s.getAddresses().size()).sum();
      int notReady = subsets.stream().mapToInt(s -> s.getNotReadyAddresses() == null ? 0
          : s.getNotReadyAddresses().size()).sum();
      return new EndpointCounts(ready + notReady, ready, ready, 0);
    }
    Unstructured e = Unstructured.of(n.object());
    if (n.ref().groupKind().equals(GroupKind.ENDPOINTS)) {
      int ready = e.list("subsets").stream().mapToInt(s -> s.list("addresses").size()).sum();
      int notReady = e.list("subsets").stream().mapToInt(s -> s.list("notReadyAddresses").size()).sum();
      return new EndpointCounts(ready + notReady, ready, ready, 0);
    }
    List<Unstructured> endpoints = e.list("endpoints");
    int ready = (int) endpoints.stream().filter(p -> !"false".equals(p.string("conditions", "ready"))).count();
    int serving = (int) endpoints.stream().filter(p -> p.has("conditions", "serving")
        ? "true".equals(p.string("conditions", "serving")) : !"false".equals(p.string("conditions", "ready"))).count();
    int terminating = (int) endpoints.stream().filter(p -> "true".equals(p.string("conditions", "terminating"))).count();
    return new EndpointCounts(endpoints.size(), ready, serving, terminating);
  }

  /**
   * The fields this analyzer reads (type, selector, externalName, clusterIP, ports, load balancer ingress),
   * taken from a typed Service without converting the whole object: it is analyzed again whenever one of
   * its pods changes.
   */
  static Unstructured view(Node node) {
    Optional<Service> typed = node.as(Service.class);
    if (typed.isEmpty()) {
      return Unstructured.of(node.object());
    }
    ServiceSpec spec = typed.get().getSpec() == null ? new ServiceSpec() : typed.get().getSpec();
    Map<String, Object> specView = new HashMap<>();
    putIfSet(specView, "type", spec.getType());
    putIfSet(specView, "externalName", spec.getExternalName());
    putIfSet(specView, "clusterIP", spec.getClusterIP());
    if (spec.getSelector() != null) {
      specView.put("selector", spec.getSelector());
    }
    List<Object> ports = new ArrayList<>();
    for (ServicePort p : spec.getPorts() == null ? List.<ServicePort>of() : spec.getPorts()) {
      Map<String, Object> port = new HashMap<>();
      putIfSet(port, "name", p.getName());
      putIfSet(port, "port", p.getPort());
      IntOrString target = p.getTargetPort();
      if (target != null) {
        putIfSet(port, "targetPort", target.getIntVal() != null ? target.getIntVal() : target.getStrVal());
      }
      ports.add(port);
    }
    specView.put("ports", ports);
    List<Object> ingress = new ArrayList<>();
    ServiceStatus status = typed.get().getStatus();
    if (status != null && status.getLoadBalancer() != null && status.getLoadBalancer().getIngress() != null) {
      for (LoadBalancerIngress i : status.getLoadBalancer().getIngress()) {
        Map<String, Object> entry = new HashMap<>();
        putIfSet(entry, "ip", i.getIp());
        putIfSet(entry, "hostname", i.getHostname());
        ingress.add(entry);
      }
    }
    return Unstructured.of(Map.of("spec", specView, "status", Map.of("loadBalancer", Map.of("ingress", ingress))));
  }

  private static void putIfSet(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
