package dev.blame.analyzers.network;

import dev.blame.api.EdgeKind;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.GroupKind;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.ReasonCode;
import dev.blame.api.ReconcileStatus;
import dev.blame.api.Verdict;
import dev.blame.api.spi.AnalysisContext;
import dev.blame.api.spi.Analyzer;
import dev.blame.api.spi.GraphView;
import dev.blame.api.spi.Judgement;
import dev.blame.api.spi.KindSelector;
import dev.blame.api.spi.Link;
import dev.blame.api.spi.Unstructured;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ingresses: routes to backend Services (which must exist and expose the port), references its IngressClass
 * and TLS Secrets, and is progressing until the controller publishes an address (as gitops-engine).
 */
public final class IngressAnalyzer implements Analyzer {

  public static final GroupKind INGRESS = GroupKind.of("networking.k8s.io", "Ingress");
  public static final GroupKind INGRESS_CLASS = GroupKind.of("networking.k8s.io", "IngressClass");
  public static final ReasonCode BACKEND_SERVICE_NOT_FOUND = ReasonCode.of("BackendServiceNotFound");
  public static final ReasonCode BACKEND_PORT_NOT_FOUND = ReasonCode.of("BackendPortNotFound");
  public static final ReasonCode BACKEND_SERVICE_FAILING = ReasonCode.of("BackendServiceFailing");
  public static final ReasonCode INGRESS_CLASS_NOT_FOUND = ReasonCode.of("IngressClassNotFound");
  public static final ReasonCode NO_INGRESS_CLASS = ReasonCode.of("NoIngressClass");
  public static final ReasonCode TLS_SECRET_NOT_FOUND = ReasonCode.of("TlsSecretNotFound");
  public static final ReasonCode ADDRESS_PENDING = ReasonCode.of("AddressPending");

  /** One backend: the Service, its port (number or name) and where it was read. */
  record Backend(ObjectRef service, String port, String path) {}

  @Override
  public String id() {
    return "blame.Ingress";
  }

  @Override
  public KindSelector kinds() {
    return KindSelector.of(INGRESS, GroupKind.of("extensions", "Ingress"));
  }

  /** {@return what it reads and links to (linksTo is Analyzer's default): backend Services, IngressClass, TLS Secrets} */
  @Override
  public Set<GroupKind> reads() {
    return Set.of(GroupKind.SERVICE, INGRESS_CLASS, GroupKind.SECRET);
  }

  @Override
  public List<Link> links(Node node) {
    Unstructured u = Unstructured.of(node.object());
    List<Link> links = new ArrayList<>();
    backends(node.ref().namespace(), u).forEach(b -> links.add(Link.to(EdgeKind.ROUTES_TO, b.service(), b.path())));
    className(u).ifPresent(c -> links.add(
        Link.to(EdgeKind.REFERENCES, ObjectRef.of(INGRESS_CLASS, "", c), "spec.ingressClassName")));
    tlsSecrets(u).forEach(s -> links.add(Link.to(EdgeKind.REFERENCES,
        ObjectRef.of(GroupKind.SECRET, node.ref().namespace(), s), "spec.tls[].secretName")));
    return links;
  }

  static List<Backend> backends(String ns, Unstructured u) {
    List<Backend> result = new ArrayList<>();
    backend(ns, u.child("spec", "defaultBackend"), "spec.defaultBackend").ifPresent(result::add);
    backend(ns, u.child("spec", "backend"), "spec.backend").ifPresent(result::add);
    for (Unstructured rule : u.list("spec", "rules")) {
      for (Unstructured p : rule.list("http", "paths")) {
        String where = "spec.rules[" + rule.string("host") + "].http.paths[" + p.string("path") + "].backend";
        backend(ns, p.child("backend"), where).ifPresent(result::add);
      }
    }
    return result;
  }

  private static Optional<Backend> backend(String ns, Unstructured b, String where) {
    String name = b.string("service", "name").isEmpty() ? b.string("serviceName") : b.string("service", "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String port = !b.string("service", "port", "number").isEmpty() ? b.string("service", "port", "number")
        : !b.string("service", "port", "name").isEmpty() ? b.string("service", "port", "name") : b.string("servicePort");
    return Optional.of(new Backend(ObjectRef.of(GroupKind.SERVICE, ns, name), port, where));
  }

  private static Optional<String> className(Unstructured u) {
    String name = u.string("spec", "ingressClassName");
    return name.isEmpty() ? Optional.empty() : Optional.of(name);
  }

  private static Set<String> tlsSecrets(Unstructured u) {
    Set<String> names = new LinkedHashSet<>();
    u.list("spec", "tls").forEach(t -> {
      if (!t.string("secretName").isEmpty()) {
        names.add(t.string("secretName"));
      }
    });
    return names;
  }

  @Override
  public Verdict analyze(AnalysisContext ctx) {
    ObjectRef ref = ctx.node().ref();
    Unstructured u = Unstructured.of(ctx.node().object());
    GraphView graph = ctx.graph();
    List<Finding> findings = new ArrayList<>();
    for (Backend b : backends(ref.namespace(), u)) {
      Optional<Node> service = graph.node(b.service());
      if (service.isEmpty()) {
        if (graph.observes(GroupKind.SERVICE)) {
          findings.add(finding(ref, Health.DEGRADED, BACKEND_SERVICE_NOT_FOUND,
              "backend " + b.service().display() + " does not exist", b.path() + ".service.name", b.service().name()));
        }
        continue;
      }
      Unstructured svc = Unstructured.of(service.get().object());
      boolean portFound = b.port().isEmpty() || svc.list("spec", "ports").stream()
          .anyMatch(p -> b.port().equals(p.string("port")) || b.port().equals(p.string("name")));
      if (!portFound) {
        findings.add(finding(ref, Health.DEGRADED, BACKEND_PORT_NOT_FOUND, "backend " + b.service().display()
            + " has no port " + b.port(), b.path() + ".service.port", b.port()));
      }
      graph.verdict(b.service()).filter(v -> v.health().compareTo(Health.MISSING) >= 0).ifPresent(v ->
          findings.add(Finding.builder().subject(ref).health(Health.DEGRADED).reason(BACKEND_SERVICE_FAILING)
              .message("backend " + b.service().display() + " is " + v.health() + ": "
                  + v.worstFinding().map(Finding::message).orElse(v.message()))
              .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("verdict").value(v.toString())
                  .source(b.service()).build()).build()));
    }
    ingressClass(ref, u, graph).ifPresent(findings::add);
    if (graph.observes(GroupKind.SECRET)) {
      for (String secret : tlsSecrets(u)) {
        if (graph.node(ObjectRef.of(GroupKind.SECRET, ref.namespace(), secret)).isEmpty()) {
          findings.add(finding(ref, Health.DEGRADED, TLS_SECRET_NOT_FOUND,
              "TLS Secret " + secret + " does not exist; the controller serves its default certificate or rejects the host",
              "spec.tls[].secretName", secret));
        }
      }
    }
    if (u.list("status", "loadBalancer", "ingress").isEmpty()) {
      findings.add(finding(ref, Health.PROGRESSING, ADDRESS_PENDING,
          "waiting for the ingress controller to publish an address", "status.loadBalancer.ingress", "[]"));
    }
    return Judgement.of(Health.HEALTHY, ReconcileStatus.CURRENT, "", findings);
  }

  private static Optional<Finding> ingressClass(ObjectRef ref, Unstructured u, GraphView graph) {
    if (!graph.observes(INGRESS_CLASS)) {
      return Optional.empty();
    }
    Optional<String> name = className(u);
    if (name.isPresent()) {
      return graph.node(ObjectRef.of(INGRESS_CLASS, "", name.get())).isPresent() ? Optional.empty()
          : Optional.of(finding(ref, Health.DEGRADED, INGRESS_CLASS_NOT_FOUND, "IngressClass " + name.get()
              + " does not exist; no controller will serve this Ingress", "spec.ingressClassName", name.get()));
    }
    String legacy = u.string("metadata", "annotations", "kubernetes.io/ingress.class");
    boolean hasDefault = graph.list(INGRESS_CLASS, "").stream().anyMatch(c ->
        "true".equals(c.annotations().get("ingressclass.kubernetes.io/is-default-class")));
    if (!legacy.isEmpty() || hasDefault) {
      return Optional.empty();
    }
    return Optional.of(finding(ref, Health.DEGRADED, NO_INGRESS_CLASS,
        "no spec.ingressClassName and no default IngressClass: no controller will serve this Ingress",
        "spec.ingressClassName", ""));
  }

  private static Finding finding(ObjectRef ref, Health health, ReasonCode reason, String message, String path,
      String value) {
    return Finding.builder().subject(ref).health(health).reason(reason).message(message)
        .addEvidence(Evidence.field(path, value)).build();
  }
}
