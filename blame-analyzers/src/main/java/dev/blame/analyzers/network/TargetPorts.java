package dev.blame.analyzers.network;

import dev.blame.analyzers.custom.Unstructured;
import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Does each Service port's targetPort exist on the selected pods? A named targetPort must name a container
 * port (the endpoints controller leaves pods without it out). A numeric one is only checked when the pods
 * declare ports at all, since containerPort is informational.
 */
final class TargetPorts {

  private TargetPorts() {}

  static List<Finding> check(ObjectRef service, Unstructured svc, List<Node> pods) {
    List<Finding> findings = new ArrayList<>();
    if (pods.isEmpty()) {
      return findings;
    }
    List<Unstructured> declared = new ArrayList<>();
    for (Node pod : pods) {
      for (Unstructured c : Unstructured.of(pod.object()).list("spec", "containers")) {
        declared.addAll(c.list("ports"));
      }
    }
    String declaredText = declared.stream()
        .map(p -> p.string("containerPort") + (p.string("name").isEmpty() ? "" : "/" + p.string("name")))
        .distinct().collect(Collectors.joining(", "));
    for (Unstructured port : svc.list("spec", "ports")) {
      String target = port.string("targetPort").isEmpty() ? port.string("port") : port.string("targetPort");
      boolean named = !target.chars().allMatch(Character::isDigit);
      boolean found = declared.stream().anyMatch(p -> named ? target.equals(p.string("name"))
          : target.equals(p.string("containerPort")));
      if (found || (!named && declared.isEmpty())) {
        continue;
      }
      String label = port.string("name").isEmpty() ? port.string("port") : port.string("name");
      findings.add(Finding.builder().subject(service).health(Health.DEGRADED)
          .reason(ServiceAnalyzer.TARGET_PORT_NOT_FOUND)
          .message("port " + label + " targets " + (named ? "named port '" + target + "'" : "port " + target)
              + " but the selected pods declare " + (declared.isEmpty() ? "no ports" : declaredText))
          .addEvidence(Evidence.field("spec.ports[" + label + "].targetPort", target))
          .addEvidence(Evidence.builder().kind(Evidence.Kind.FIELD).path("spec.containers[*].ports")
              .value(declared.isEmpty() ? "none" : declaredText).source(pods.get(0).ref()).build())
          .build());
    }
    return findings;
  }
}
