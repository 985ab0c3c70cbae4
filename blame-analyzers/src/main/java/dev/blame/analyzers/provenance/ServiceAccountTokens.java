package dev.blame.analyzers.provenance;

import dev.blame.api.Evidence;
import dev.blame.api.GroupKind;
import dev.blame.api.Injection;
import dev.blame.api.Injection.Part;
import dev.blame.api.Node;
import dev.blame.api.ObjectRef;
import dev.blame.api.spi.InjectionFacet;
import dev.blame.api.spi.KindSelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in ServiceAccount admission plugin, not a webhook: the projected {@code kube-api-access-*} volume
 * (1.22+) or, before, the {@code <sa>-token-xxxxx} Secret volume, mounted at the service account path.
 */
public final class ServiceAccountTokens implements InjectionFacet {

  /** The name built-in admission plugins go by, so that no view calls them "an admission webhook". */
  public static final String SERVICE_ACCOUNT_PLUGIN = "ServiceAccount admission plugin";
  static final String SA_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  @Override
  public KindSelector kinds() {
    return KindSelector.of(GroupKind.POD);
  }

  @Override
  public Optional<Injection> attribute(Injection part, Node pod, List<ObjectRef> webhooks) {
    String lower = Injectors.lower(part);
    boolean projected = lower.startsWith("kube-api-access-");
    if (part.part() != Part.VOLUME || !(projected || mountedAtServiceAccountPath(pod, part.name()))) {
      return Optional.empty();
    }
    return Optional.of(Injection.builder().from(part).injectedBy(SERVICE_ACCOUNT_PLUGIN)
        .addEvidence(Evidence.field("spec.volumes[" + part.name() + "]", projected
            ? "projected service account token" : "service account token mounted at " + SA_PATH))
        .build());
  }

  private static boolean mountedAtServiceAccountPath(Node pod, String volume) {
    Optional<Pod> typed = pod.as(Pod.class);
    if (typed.isEmpty() || typed.get().getSpec() == null) {
      return false;
    }
    List<Container> containers = new ArrayList<>();
    if (typed.get().getSpec().getContainers() != null) {
      containers.addAll(typed.get().getSpec().getContainers());
    }
    if (typed.get().getSpec().getInitContainers() != null) {
      containers.addAll(typed.get().getSpec().getInitContainers());
    }
    for (Container container : containers) {
      for (VolumeMount mount : container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
        if (volume.equals(mount.getName()) && SA_PATH.equals(mount.getMountPath())) {
          return true;
        }
      }
    }
    return false;
  }
}
