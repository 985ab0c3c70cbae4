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
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The endpoints and endpointslice controllers (Endpoints and an IPv4 EndpointSlice of each selector-based Service)
 * and the ResourceQuota pod usage.
 */
final class ServiceController {

  private static final String SERVICE_NAME = "kubernetes.io/service-name";
  private static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";

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
    syncSlice(svc, ready, notReady);
    Endpoints existing = sim.endpoints.get(ns, svc.getMetadata().getName()).orElse(null);
    if (existing == null) {
      sim.create(sim.endpoints, new EndpointsBuilder().withNewMetadata().withName(svc.getMetadata().getName())
          .withNamespace(ns).withLabels(svc.getMetadata().getLabels()).endMetadata().withSubsets(subsets).build());
    } else if (!Objects.equals(existing.getSubsets(), subsets)) {
      existing.setSubsets(subsets);
      sim.update(sim.endpoints, existing);
    }
  }

  /**
   * One EndpointSlice per Service, as the endpointslice controller writes it for fewer than 100 endpoints
   * ({@code pkg/controller/endpointslice}, {@code reconciler.go}): {@code <service>-<5 chars>}, labelled
   * {@code kubernetes.io/service-name} and {@code endpointslice.kubernetes.io/managed-by}, owned by the Service;
   * an endpoint per pod with an IP, its conditions, node and pod; the Service's target ports. kubectl 1.32's
   * {@code describe service} reads its endpoints from here.
   */
  private void syncSlice(Service svc, List<EndpointAddress> ready, List<EndpointAddress> notReady) {
    String ns = svc.getMetadata().getNamespace();
    String service = svc.getMetadata().getName();
    List<Endpoint> endpoints = new ArrayList<>();
    for (EndpointAddress a : ready) {
      endpoints.add(endpoint(a, true));
    }
    for (EndpointAddress a : notReady) {
      endpoints.add(endpoint(a, false));
    }
    List<io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort> ports = svc.getSpec().getPorts().stream()
        .map(sp -> new io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder()
            .withName(sp.getName() == null ? "" : sp.getName())
            .withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol())
            .withPort(sp.getTargetPort() != null && sp.getTargetPort().getIntVal() != null
                ? sp.getTargetPort().getIntVal() : sp.getPort()).build()).toList();
    EndpointSlice existing = sim.endpointSlices.inNamespace(ns).stream()
        .filter(e -> e.getMetadata().getLabels() != null
            && service.equals(e.getMetadata().getLabels().get(SERVICE_NAME))
            && e.getMetadata().getDeletionTimestamp() == null)
        .findFirst().orElse(null);
    if (existing == null) {
      Map<String, String> labels = new HashMap<>();
      if (svc.getMetadata().getLabels() != null) {
        labels.putAll(svc.getMetadata().getLabels());
      }
      labels.put(SERVICE_NAME, service);
      labels.put(MANAGED_BY, "endpointslice-controller.k8s.io");
      sim.create(sim.endpointSlices, new EndpointSliceBuilder().withNewMetadata()
          .withName(service + "-" + Hashes.suffix(ns + "/" + service + "#" + svc.getMetadata().getUid()))
          .withNamespace(ns).withLabels(labels).addNewOwnerReference().withApiVersion("v1").withKind("Service")
          .withName(service).withUid(svc.getMetadata().getUid()).withController(true).withBlockOwnerDeletion(true)
          .endOwnerReference().endMetadata().withAddressType("IPv4").withEndpoints(endpoints).withPorts(ports)
          .build());
    } else if (!Objects.equals(orEmpty(existing.getEndpoints()), endpoints)
        || !Objects.equals(orEmpty(existing.getPorts()), ports)) {
      existing.setEndpoints(endpoints);
      existing.setPorts(ports);
      sim.update(sim.endpointSlices, existing);
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static Endpoint endpoint(EndpointAddress a, boolean ready) {
    return new EndpointBuilder().withAddresses(a.getIp()).withNodeName(a.getNodeName())
        .withNewConditions().withReady(ready).withServing(ready).withTerminating(false).endConditions()
        .withTargetRef(a.getTargetRef()).build();
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
