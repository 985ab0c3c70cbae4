package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Optional;

/**
 * The address a load balancer published for the object, in the form of Kubernetes' {@code LoadBalancerStatus}:
 * {@code status.loadBalancer.ingress[]} with an {@code ip} or a {@code hostname}. The Service of type LoadBalancer and
 * the Ingress keep it so ("the actual creation of the load balancer happens asynchronously, and information about the
 * provisioned balancer is published in the Service's {@code .status.loadBalancer} field"); custom resources that
 * stand for a service keep the same type: VM Operator's {@code VirtualMachineService}, Contour's {@code HTTPProxy}. An
 * address there is the state reached ({@code field:load-balancer-ingress}, HEALTHY, which any other signal outranks).
 * An empty or absent list says nothing: a ClusterIP service keeps {@code loadBalancer: {}} for good.
 */
final class LoadBalancerIngress {

  static final String RULE = "field:load-balancer-ingress";

  private LoadBalancerIngress() {}

  static Optional<Signal> read(Unstructured object) {
    List<Unstructured> ingress = object.list("status", "loadBalancer", "ingress");
    for (int i = 0; i < ingress.size(); i++) {
      Unstructured entry = ingress.get(i);
      String address = entry.string("ip").isBlank() ? entry.string("hostname") : entry.string("ip");
      if (!address.isBlank()) {
        return Optional.of(new Signal(Health.HEALTHY, "status.loadBalancer.ingress[" + i + "]", address,
            Optional.empty(), List.of(RULE)));
      }
    }
    return Optional.empty();
  }
}
