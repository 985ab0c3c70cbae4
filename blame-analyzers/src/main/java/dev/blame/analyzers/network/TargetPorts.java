package dev.blame.analyzers.network;

import dev.blame.api.Evidence;
import dev.blame.api.Finding;
import dev.blame.api.Health;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.Unstructured;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    List<Port> declared = new ArrayList<>();
    for (Node pod : pods) {
      declared.addAll(ports(pod));
    }
    String declaredText = declared.stream()
        .map(p -> p.number() + (p.name().isEmpty() ? "" : "/" + p.name()))
        .distinct().collect(Collectors.joining(", "));
    for (Unstructured port : svc.list("spec", "ports")) {
      String target = port.string("targetPort").isEmpty() ? port.string("port") : port.string("targetPort");
      boolean named = !target.chars().allMatch(Character::isDigit);
      boolean found = declared.stream().anyMatch(p -> named ? target.equals(p.name()) : target.equals(p.number()));
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

  /** A container port as text: its number and its name ({@code ""} when unnamed). */
  private record Port(String number, String name) {}

  /** The pod's declared container ports, read from the typed pod when it is one (no copy). */
  private static List<Port> ports(Node pod) {
    List<Port> ports = new ArrayList<>();
    Optional<Pod> typed = pod.as(Pod.class);
    if (typed.isPresent()) {
      List<Container> containers = typed.get().getSpec() == null ? null : typed.get().getSpec().getContainers();
      for (Container c : containers == null ? List.<Container>of() : containers) {
        for (ContainerPort p : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
          ports.add(new Port(p.getContainerPort() == null ? "" : String.valueOf(p.getContainerPort()),
              p.getName() == null ? "" : p.getName()));
        }
      }
      return ports;
    }
    for (Unstructured c : Unstructured.of(pod.object()).list("spec", "containers")) {
      for (Unstructured p : c.list("ports")) {
        ports.add(new Port(p.string("containerPort"), p.string("name")));
      }
    }
    return ports;
  }
}
