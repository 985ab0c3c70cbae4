package dev.blame.analyzers.support;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One container of a pod, init, regular or ephemeral, with its status and the parts of its spec the rules
 * read. {@link #statusPath()} and {@link #specPath()} are evidence paths.
 */
public record ContainerView(
    Section section,
    String name,
    ContainerStatus status,
    Optional<Probe> readinessProbe,
    Optional<Probe> startupProbe,
    List<EnvVar> env,
    List<EnvFromSource> envFrom) {

  /** Where in the pod a container is declared. */
  public enum Section {
    INIT("initContainers", "initContainerStatuses"),
    REGULAR("containers", "containerStatuses"),
    EPHEMERAL("ephemeralContainers", "ephemeralContainerStatuses");

    private final String spec;
    private final String status;

    Section(String spec, String status) {
      this.spec = spec;
      this.status = status;
    }
  }

  public String statusPath() {
    return "status." + section.status + "[" + name + "]";
  }

  public String specPath() {
    return "spec." + section.spec + "[" + name + "]";
  }

  public int restartCount() {
    return Counts.orZero(status.getRestartCount());
  }

  public boolean ready() {
    return Boolean.TRUE.equals(status.getReady());
  }

  /** Every container that has a status, init containers first, in the order the pod lists them. */
  public static List<ContainerView> of(Pod pod) {
    PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    List<ContainerView> views = new ArrayList<>();
    add(views, Section.INIT, status.getInitContainerStatuses(), byName(spec.getInitContainers()));
    add(views, Section.REGULAR, status.getContainerStatuses(), byName(spec.getContainers()));
    Map<String, EphemeralContainer> ephemeral = spec.getEphemeralContainers() == null ? Map.of()
        : spec.getEphemeralContainers().stream()
            .collect(Collectors.toMap(EphemeralContainer::getName, Function.identity(), (a, b) -> a));
    for (ContainerStatus cs : nonNull(status.getEphemeralContainerStatuses())) {
      EphemeralContainer c = ephemeral.get(cs.getName());
      views.add(new ContainerView(Section.EPHEMERAL, cs.getName(), cs, Optional.empty(), Optional.empty(),
          c == null ? List.of() : nonNull(c.getEnv()), c == null ? List.of() : nonNull(c.getEnvFrom())));
    }
    return views;
  }

  private static void add(List<ContainerView> views, Section section, List<ContainerStatus> statuses,
      Map<String, Container> specs) {
    for (ContainerStatus cs : nonNull(statuses)) {
      Container c = specs.get(cs.getName());
      views.add(new ContainerView(section, String.valueOf(cs.getName()), cs,
          Optional.ofNullable(c).map(Container::getReadinessProbe),
          Optional.ofNullable(c).map(Container::getStartupProbe),
          c == null ? List.of() : nonNull(c.getEnv()), c == null ? List.of() : nonNull(c.getEnvFrom())));
    }
  }

  private static Map<String, Container> byName(List<Container> containers) {
    return nonNull(containers).stream()
        .filter(c -> c.getName() != null)
        .collect(Collectors.toMap(Container::getName, Function.identity(), (a, b) -> a));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
