package dev.blame.demo;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatus;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The endpoints controller (Endpoints of selector-based Services) and the ResourceQuota pod usage. */
final class ServiceController {

  private final ControllerSimulator sim;

  ServiceController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (Service svc : sim.services.list()) {
      Map<String, String> selector = svc.getSpec().getSelector();
      if (selector != null && !selector.isEmpty()) {
        syncEndpoints(svc, selector);
      }
    }
    for (ResourceQuota quota : sim.quotas.list()) {
      syncQuota(quota);
    }
  }

  private void syncEndpoints(Service svc, Map<String, String> selector) {
    String ns = svc.getMetadata().getNamespace();
    List<EndpointAddress> ready = new ArrayList<>();
    List<EndpointAddress> notReady = new ArrayList<>();
    for (Pod p : sim.pods.inNamespace(ns)) {
      Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
      if (p.getStatus() == null || p.getStatus().getPodIP() == null
          || !selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
        continue;
      }
      EndpointAddress address = new EndpointAddressBuilder().withIp(p.getStatus().getPodIP())
          .withNodeName(p.getSpec().getNodeName()).withNewTargetRef().withKind("Pod").withNamespace(ns)
          .withName(p.getMetadata().getName()).withUid(p.getMetadata().getUid()).endTargetRef().build();
      (Kubelet.isReady(p) ? ready : notReady).add(address);
    }
    List<EndpointSubset> subsets = new ArrayList<>();
    if (!ready.isEmpty() || !notReady.isEmpty()) {
      List<EndpointPort> ports = svc.getSpec().getPorts().stream().map(sp -> new EndpointPortBuilder()
          .withName(sp.getName()).withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol())
          .withPort(sp.getTargetPort() != null && sp.getTargetPort().getIntVal() != null
              ? sp.getTargetPort().getIntVal() : sp.getPort()).build()).toList();
      subsets.add(new EndpointSubsetBuilder().withAddresses(ready).withNotReadyAddresses(notReady)
          .withPorts(ports).build());
    }
    Endpoints existing = sim.endpoints.get(ns, svc.getMetadata().getName()).orElse(null);
    if (existing == null) {
      sim.create(sim.endpoints, new EndpointsBuilder().withNewMetadata().withName(svc.getMetadata().getName())
          .withNamespace(ns).withLabels(svc.getMetadata().getLabels()).endMetadata().withSubsets(subsets).build());
    } else if (!Objects.equals(existing.getSubsets(), subsets)) {
      existing.setSubsets(subsets);
      sim.update(sim.endpoints, existing);
    }
  }

  private void syncQuota(ResourceQuota quota) {
    if (quota.getSpec() == null || quota.getSpec().getHard() == null) {
      return;
    }
    long pods = sim.pods.inNamespace(quota.getMetadata().getNamespace()).stream()
        .filter(p -> p.getStatus() == null || !List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()))
        .count();
    Map<String, Quantity> used = new HashMap<>();
    for (String resource : quota.getSpec().getHard().keySet()) {
      if (resource.equals("pods") || resource.equals("count/pods")) {
        used.put(resource, new Quantity(String.valueOf(pods)));
      }
    }
    ResourceQuotaStatus status = new ResourceQuotaStatus(quota.getSpec().getHard(), used);
    if (!status.equals(quota.getStatus())) {
      quota.setStatus(status);
      sim.updateStatus(sim.quotas, quota);
    }
  }
}
