package dev.blame.demo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fake kube-scheduler and the kubelet of {@value ControllerSimulator#NODE_NAME}. Each tick moves every
 * pod at most one step; the rules are in docs/demo-cluster.md.
 */
final class Kubelet {

  private static final Pattern EXIT = Pattern.compile("\\bexit\\s+(\\d+)");
  private static final String SCHEDULER = "default-scheduler";
  /** Ticks in CrashLoopBackOff before the n-th restart: 10, 20, 40, 80, then 100. */
  static int backoffTicks(int restarts) {
    return Math.min(100, 10 << Math.min(4, Math.max(0, restarts - 1)));
  }

  /** Ticks between two "Back-off pulling image" repetitions. */
  static final int IMAGE_BACKOFF_REPEAT_TICKS = 30;

  private final ControllerSimulator sim;
  private final Map<String, Long> waitUntil = new HashMap<>();
  private final Map<String, Integer> ips = new HashMap<>();
  private long tick;

  Kubelet(ControllerSimulator sim) {
    this.sim = sim;
  }

  private static final Pattern ECHO = Pattern.compile("(?:^|[;&|]\\s*)echo\\s+([^;&|]*)");

  /**
   * What a simulated container prints: for a shell script ({@code sh -c "..."}, command and args joined), the
   * words of each {@code echo}, one line each, in order; for an {@code echo} run directly ({@code kubectl create job
   * J --image=busybox -- echo hello}) its arguments on one line; nothing for other commands (the images are not run).
   */
  static String output(com.fasterxml.jackson.databind.JsonNode container) {
    List<String> words = new ArrayList<>();
    container.path("command").forEach(w -> words.add(w.asText()));
    container.path("args").forEach(w -> words.add(w.asText()));
    if (!words.isEmpty() && (words.get(0).equals("echo") || words.get(0).endsWith("/echo"))) {
      return String.join(" ", words.subList(1, words.size())) + "\n";
    }
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      Matcher m = ECHO.matcher(word);
      while (m.find()) {
        out.append(m.group(1).trim().replaceAll("^([\"'])(.*)\\1$", "$2")).append('\n');
      }
    }
    return out.toString();
  }

  static boolean isReady(Pod p) {
    return p.getStatus() != null && p.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  void reconcile(long tick) {
    this.tick = tick;
    for (Pod pod : sim.pods.list()) {
      if (pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
      if ("Succeeded".equals(phase) || "Failed".equals(phase)) {
        continue;
      }
      if (pod.getSpec().getNodeName() == null || pod.getSpec().getNodeName().isEmpty()) {
        schedule(pod);
      } else if (ControllerSimulator.NODE_NAME.equals(pod.getSpec().getNodeName())) {
        step(pod);
      }
    }
  }

  // ---------------------------------------------------------------- scheduler

  private static BigDecimal request(Pod pod, String resource) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Container c : pod.getSpec().getContainers()) {
      sum = sum.add(request(c, resource));
    }
    for (Container c : pod.getSpec().getInitContainers()) {
      sum = sum.max(request(c, resource));
    }
    return sum;
  }

  private static BigDecimal request(Container c, String resource) {
    if (c.getResources() == null || c.getResources().getRequests() == null) {
      return BigDecimal.ZERO;
    }
    Quantity q = c.getResources().getRequests().get(resource);
    return q == null ? BigDecimal.ZERO : q.getNumericalAmount();
  }

  private void schedule(Pod pod) {
    List<Pod> onNode = sim.pods.list(p -> ControllerSimulator.NODE_NAME.equals(p.getSpec().getNodeName())
        && p.getStatus() != null && !"Succeeded".equals(p.getStatus().getPhase())
        && !"Failed".equals(p.getStatus().getPhase()));
    List<String> insufficient = new ArrayList<>();
    Map<String, String> capacity = Map.of("cpu", ControllerSimulator.NODE_CPU, "memory",
        ControllerSimulator.NODE_MEMORY);
    for (String resource : List.of("cpu", "memory")) {
      BigDecimal used = onNode.stream().map(p -> request(p, resource)).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (used.add(request(pod, resource)).compareTo(new Quantity(capacity.get(resource)).getNumericalAmount()) > 0) {
        insufficient.add("1 Insufficient " + resource);
      }
    }
    if (onNode.size() >= ControllerSimulator.NODE_PODS) {
      insufficient.add("1 Too many pods");
    }
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    io.fabric8.kubernetes.api.model.Node node = sim.client.nodes().withName(ControllerSimulator.NODE_NAME).get();
    // kubectl cordon/drain: the NodeUnschedulable filter runs before the resource fit; a pod tolerating the
    // node.kubernetes.io/unschedulable:NoSchedule taint passes it (DaemonSet pods on a real cluster)
    boolean cordoned = node != null && node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())
        && !Taints.toleratesUnschedulable(pod);
    // then TaintToleration, then the resource fit: the first filter that fails names the node's reason
    String unresolvable = cordoned ? "node(s) were unschedulable"
        : Taints.untolerated(node, pod).map(Taints::reason).orElse(null);
    if (unresolvable != null || !insufficient.isEmpty()) {
      String message = unresolvable != null
          ? "0/1 nodes are available: 1 " + unresolvable + ". preemption: 0/1 nodes are available: "
              + "1 Preemption is not helpful for scheduling."
          : "0/1 nodes are available: " + String.join(", ", insufficient) + ". preemption: 0/1 nodes "
          + "are available: 1 No preemption victims found for incoming pod.";
      PodCondition existing = condition(status, "PodScheduled");
      if (existing == null || !message.equals(existing.getMessage())) {
        status.setPhase("Pending");
        setCondition(status, "PodScheduled", "False", "Unschedulable", message);
        pod.setStatus(status);
        pod = sim.updateStatus(sim.pods, pod);
        sim.events.warning(pod, SCHEDULER, "FailedScheduling", message);
      }
      return;
    }
    Pod bound = sim.client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
        .edit(p -> {
          p.getSpec().setNodeName(ControllerSimulator.NODE_NAME);
          return p;
        });
    sim.pods.wrote(bound);
    PodStatus s = bound.getStatus() == null ? new PodStatus() : bound.getStatus();
    s.setPhase("Pending");
    s.setQosClass(qosClass(bound));
    setCondition(s, "PodScheduled", "True", null, null);
    bound.setStatus(s);
    bound = sim.updateStatus(sim.pods, bound);
    sim.events.normal(bound, SCHEDULER, "Scheduled", "Successfully assigned " + bound.getMetadata().getNamespace()
        + "/" + bound.getMetadata().getName() + " to " + ControllerSimulator.NODE_NAME);
  }

  private static String qosClass(Pod pod) {
    boolean any = false;
    boolean guaranteed = true;
    List<Container> all = new ArrayList<>(pod.getSpec().getContainers());
    all.addAll(pod.getSpec().getInitContainers());
    for (Container c : all) {
      var r = c.getResources();
      boolean hasRequests = r != null && r.getRequests() != null && !r.getRequests().isEmpty();
      boolean hasLimits = r != null && r.getLimits() != null && !r.getLimits().isEmpty();
      any |= hasRequests || hasLimits;
      guaranteed &= hasLimits && r.getLimits().containsKey("cpu") && r.getLimits().containsKey("memory")
          && (!hasRequests || r.getRequests().equals(r.getLimits()));
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  // ---------------------------------------------------------------- kubelet

  private void step(Pod pod) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String before = io.fabric8.kubernetes.client.utils.Serialization.asJson(status);
    if (status.getStartTime() == null) {
      status.setStartTime(sim.now());
      status.setHostIP("10.0.0.10");
      status.setHostIPs(List.of(new io.fabric8.kubernetes.api.model.HostIP("10.0.0.10")));
      status.setQosClass(qosClass(pod));
    }
    boolean starting = status.getContainerStatuses().isEmpty() || status.getContainerStatuses().stream()
        .allMatch(cs -> cs.getState() != null && cs.getState().getWaiting() != null && Set.of("ContainerCreating",
            "PodInitializing").contains(cs.getState().getWaiting().getReason()));
    String unmounted = starting ? missingVolume(pod) : null;
    if (unmounted != null) {
      // kubelet's volume manager: no container starts until every volume is set up.
      if (tick >= waitUntil.getOrDefault(pod.getMetadata().getUid() + "/volumes", 0L)) {
        waitUntil.put(pod.getMetadata().getUid() + "/volumes", tick + IMAGE_BACKOFF_REPEAT_TICKS);
        sim.events.warning(pod, "kubelet", "FailedMount", unmounted);
      }
    }
    List<Container> inits = pod.getSpec().getInitContainers();
    List<ContainerStatus> initStatuses = ensureStatuses(status.getInitContainerStatuses(), inits, "PodInitializing");
    status.setInitContainerStatuses(initStatuses);
    boolean initialized = unmounted == null;
    for (int i = 0; unmounted == null && i < inits.size(); i++) {
      ContainerStatus cs = initStatuses.get(i);
      if (cs.getState().getTerminated() != null && cs.getState().getTerminated().getExitCode() == 0) {
        continue;
      }
      initialized = false;
      initStatuses.set(i, advance(pod, inits.get(i), cs, true, "spec.initContainers{" + inits.get(i).getName()
          + "}"));
      break;
    }
    List<Container> containers = pod.getSpec().getContainers();
    List<ContainerStatus> statuses = ensureStatuses(status.getContainerStatuses(), containers,
        initialized || unmounted != null && inits.isEmpty() ? "ContainerCreating" : "PodInitializing");
    status.setContainerStatuses(statuses);
    if (unmounted != null) {
      // still ContainerCreating: nothing to do until the volumes can be mounted
    } else if (initialized) {
      for (int i = 0; i < containers.size(); i++) {
        statuses.set(i, advance(pod, containers.get(i), statuses.get(i), false, "spec.containers{"
            + containers.get(i).getName() + "}"));
      }
    }
    boolean everStarted = statuses.stream().allMatch(cs -> cs.getState().getRunning() != null
        || cs.getState().getTerminated() != null || cs.getRestartCount() > 0);
    status.setPhase(initialized && everStarted ? "Running" : "Pending");
    String restartPolicy = Optional.ofNullable(pod.getSpec().getRestartPolicy()).orElse("Always");
    boolean allTerminated = !statuses.isEmpty() && statuses.stream().allMatch(cs -> cs.getState().getTerminated() != null);
    if (initialized && allTerminated && !restartPolicy.equals("Always")) {
      boolean succeeded = statuses.stream().allMatch(cs -> cs.getState().getTerminated().getExitCode() == 0);
      if (succeeded || restartPolicy.equals("Never")) {
        status.setPhase(succeeded ? "Succeeded" : "Failed");
      }
    }
    if (everStarted && status.getPodIP() == null) {
      int ip = ips.computeIfAbsent(pod.getMetadata().getUid(), k -> ips.size() + 2);
      status.setPodIP("10.244.0." + ip);
      status.setPodIPs(List.of(new io.fabric8.kubernetes.api.model.PodIP("10.244.0." + ip)));
    }
    List<String> unready = statuses.stream().filter(cs -> !Boolean.TRUE.equals(cs.getReady()))
        .map(ContainerStatus::getName).toList();
    List<String> unfinishedInit = initStatuses.stream().filter(cs -> cs.getState().getTerminated() == null
        || cs.getState().getTerminated().getExitCode() != 0).map(ContainerStatus::getName).toList();
    setCondition(status, "PodScheduled", "True", null, null);
    setCondition(status, "Initialized", initialized ? "True" : "False", initialized ? null : "ContainersNotInitialized",
        initialized ? null : "containers with incomplete status: " + unfinishedInit);
    String notReady = "containers with unready status: " + unready;
    setCondition(status, "ContainersReady", unready.isEmpty() ? "True" : "False",
        unready.isEmpty() ? null : "ContainersNotReady", unready.isEmpty() ? null : notReady);
    setCondition(status, "Ready", unready.isEmpty() ? "True" : "False",
        unready.isEmpty() ? null : "ContainersNotReady", unready.isEmpty() ? null : notReady);
    status.getConditions().sort(java.util.Comparator.comparingInt(c -> List.of("PodReadyToStartContainers",
        "Initialized", "Ready", "ContainersReady", "PodScheduled").indexOf(c.getType())));
    if (!before.equals(io.fabric8.kubernetes.client.utils.Serialization.asJson(status))) {
      pod.setStatus(status);
      sim.updateStatus(sim.pods, pod);
    }
  }

  private static List<ContainerStatus> ensureStatuses(List<ContainerStatus> existing, List<Container> containers,
      String waitingReason) {
    List<ContainerStatus> result = new ArrayList<>();
    for (Container c : containers) {
      ContainerStatus cs = existing.stream().filter(s -> s.getName().equals(c.getName())).findFirst()
          .orElseGet(() -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
              .withImageID("").withReady(false).withStarted(false).withRestartCount(0)
              .withState(new ContainerStateBuilder().withNewWaiting().withReason(waitingReason).endWaiting().build())
              .withLastState(new ContainerState()).build());
      result.add(cs);
    }
    return result;
  }

  static Optional<Integer> exitCode(Container c) {
    List<String> words = new ArrayList<>();
    words.addAll(c.getCommand());
    words.addAll(c.getArgs());
    Matcher m = EXIT.matcher(String.join(" ", words));
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  static String registryHost(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return "docker.io";
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost") ? first.replaceAll(":\\d+$", "")
        : "docker.io";
  }

  private static String pullError(String image) {
    String host = registryHost(image);
    String rest = image.substring(image.indexOf('/') + 1);
    String repo = rest.contains(":") ? rest.substring(0, rest.lastIndexOf(':')) : rest;
    String tag = rest.contains(":") ? rest.substring(rest.lastIndexOf(':') + 1) : "latest";
    return "rpc error: code = Unknown desc = failed to pull and unpack image \"" + image + "\": failed to resolve "
        + "reference \"" + image + "\": failed to do request: Head \"https://" + host + "/v2/" + repo + "/manifests/"
        + tag + "\": dial tcp: lookup " + host + ": no such host";
  }

  private static String imageId(String image) {
    String repo = image.contains(":") && image.lastIndexOf(':') > image.lastIndexOf('/')
        ? image.substring(0, image.lastIndexOf(':')) : image;
    if (!repo.contains("/")) {
      repo = "docker.io/library/" + repo;
    }
    return repo + "@sha256:" + Hashes.sha256Hex(image);
  }

  /** One step of one container's state machine. */
  private ContainerStatus advance(Pod pod, Container c, ContainerStatus cs, boolean init, String fieldPath) {
    String key = pod.getMetadata().getUid() + "/" + c.getName();
    ContainerState state = cs.getState();
    String image = c.getImage();
    boolean badImage = registryHost(image).endsWith(".invalid");
    Optional<Integer> exit = exitCode(c);
    String waiting = state.getWaiting() == null ? null : state.getWaiting().getReason();
    if ("PodInitializing".equals(waiting) || "ContainerCreating".equals(waiting)) {
      sim.events.container(pod, fieldPath, "Normal", "Pulling", "Pulling image \"" + image + "\"");
      if (badImage) {
        String error = pullError(image);
        sim.events.container(pod, fieldPath, "Warning", "Failed", "Failed to pull image \"" + image + "\": " + error);
        sim.events.container(pod, fieldPath, "Warning", "Failed", "Error: ErrImagePull");
        return new ContainerStatusBuilder(cs).withState(new ContainerStateBuilder().withNewWaiting()
            .withReason("ErrImagePull").withMessage(error).endWaiting().build()).build();
      }
      sim.events.container(pod, fieldPath, "Normal", "Pulled", "Successfully pulled image \"" + image
          + "\" in 1.042s (1.042s including waiting)");
      return startOrConfigError(pod, c, cs, fieldPath);
    }
    if ("CreateContainerConfigError".equals(waiting)) {
      return startOrConfigError(pod, c, cs, fieldPath);
    }
    if ("ErrImagePull".equals(waiting)) {
      sim.events.container(pod, fieldPath, "Normal", "BackOff", "Back-off pulling image \"" + image + "\"");
      sim.events.container(pod, fieldPath, "Warning", "Failed", "Error: ImagePullBackOff");
      waitUntil.put(key, tick + IMAGE_BACKOFF_REPEAT_TICKS);
      return new ContainerStatusBuilder(cs).withState(new ContainerStateBuilder().withNewWaiting()
          .withReason("ImagePullBackOff").withMessage("Back-off pulling image \"" + image + "\"").endWaiting()
          .build()).build();
    }
    if ("ImagePullBackOff".equals(waiting)) {
      if (tick >= waitUntil.getOrDefault(key, 0L)) {
        waitUntil.put(key, tick + IMAGE_BACKOFF_REPEAT_TICKS);
        sim.events.container(pod, fieldPath, "Normal", "BackOff", "Back-off pulling image \"" + image + "\"");
      }
      return cs;
    }
    if ("CrashLoopBackOff".equals(waiting)) {
      if (tick >= waitUntil.getOrDefault(key, 0L)) {
        sim.events.container(pod, fieldPath, "Normal", "Pulled", "Container image \"" + image
            + "\" already present on machine");
        return start(pod, c, cs, fieldPath);
      }
      return cs;
    }
    String restartPolicy = Optional.ofNullable(pod.getSpec().getRestartPolicy()).orElse("Always");
    if (state.getRunning() != null) {
      if (exit.isPresent() || init || (!restartPolicy.equals("Always") && finishes(c))) {
        int code = exit.orElse(0);
        // the prober manager's UpdatePodStatus: an init container that exited 0 is ready
        return new ContainerStatusBuilder(cs).withReady(init && code == 0).withStarted(false)
            .withState(new ContainerStateBuilder().withNewTerminated().withExitCode(code)
                .withReason(code == 0 ? "Completed" : "Error").withStartedAt(state.getRunning().getStartedAt())
                .withFinishedAt(sim.now()).withContainerID(cs.getContainerID()).endTerminated().build()).build();
      }
      String probe = init ? null : readinessFailure(pod, c);
      if (probe != null) {
        if (tick >= waitUntil.getOrDefault(key + "/probe", 0L)) {
          waitUntil.put(key + "/probe", tick + IMAGE_BACKOFF_REPEAT_TICKS);
          sim.events.container(pod, fieldPath, "Warning", "Unhealthy", "Readiness probe failed: " + probe);
        }
        return Boolean.TRUE.equals(cs.getReady()) ? new ContainerStatusBuilder(cs).withReady(false).build() : cs;
      }
      if (!init && !Boolean.TRUE.equals(cs.getReady())) {
        return new ContainerStatusBuilder(cs).withReady(true).build();
      }
      return cs;
    }
    if (state.getTerminated() != null) {
      int code = state.getTerminated().getExitCode();
      if (init && code == 0) {
        return cs;
      }
      if (!init && (restartPolicy.equals("Never") || restartPolicy.equals("OnFailure") && code == 0)) {
        return cs;
      }
      int restarts = cs.getRestartCount() + 1;
      int backoff = backoffTicks(restarts);
      waitUntil.put(key, tick + backoff);
      long seconds = Math.min(300, 10L << Math.min(5, restarts - 1));
      sim.events.container(pod, fieldPath, "Warning", "BackOff", "Back-off restarting failed container "
          + c.getName() + " in pod " + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
          + pod.getMetadata().getUid() + ")");
      return new ContainerStatusBuilder(cs).withRestartCount(restarts).withReady(false).withStarted(false)
          .withLastState(new ContainerStateBuilder().withTerminated(state.getTerminated()).build())
          .withState(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
              .withMessage("back-off " + seconds + "s restarting failed container=" + c.getName() + " pod="
                  + pod.getMetadata().getName() + "_" + pod.getMetadata().getNamespace() + "("
                  + pod.getMetadata().getUid() + ")").endWaiting().build()).build();
    }
    return cs;
  }

  /** A container whose env references a missing ConfigMap/Secret (or key) waits in CreateContainerConfigError. */
  private ContainerStatus startOrConfigError(Pod pod, Container c, ContainerStatus cs, String fieldPath) {
    String error = missingEnvSource(pod, c);
    if (error == null) {
      return start(pod, c, cs, fieldPath);
    }
    String key = pod.getMetadata().getUid() + "/" + c.getName() + "/config";
    if (tick >= waitUntil.getOrDefault(key, 0L)) {
      waitUntil.put(key, tick + IMAGE_BACKOFF_REPEAT_TICKS);
      sim.events.container(pod, fieldPath, "Warning", "Failed", "Error: " + error);
    }
    if ("CreateContainerConfigError".equals(cs.getState().getWaiting() == null ? null
        : cs.getState().getWaiting().getReason())) {
      return cs;
    }
    return new ContainerStatusBuilder(cs).withState(new ContainerStateBuilder().withNewWaiting()
        .withReason("CreateContainerConfigError").withMessage(error).endWaiting().build()).build();
  }

  /** Whether a container of a pod that does not restart ends by itself: a shell script that does not sleep. */
  private static boolean finishes(Container c) {
    List<String> words = new ArrayList<>(c.getCommand());
    words.addAll(c.getArgs());
    return !words.isEmpty() && words.stream().noneMatch(w -> w.contains("sleep"));
  }

  /**
   * Why a readiness probe fails, or null when it succeeds: an exec probe fails when its command runs
   * {@code false} or {@code exit N} (N > 0); an httpGet/tcpSocket probe fails when no port of the container
   * matches it (nothing listens there), as "connection refused".
   */
  private static String readinessFailure(Pod pod, Container c) {
    io.fabric8.kubernetes.api.model.Probe probe = c.getReadinessProbe();
    if (probe == null) {
      return null;
    }
    if (probe.getExec() != null) {
      String command = String.join(" ", probe.getExec().getCommand());
      Matcher m = EXIT.matcher(command);
      boolean fails = command.matches("(?s).*\\bfalse\\b.*") || m.find() && Integer.parseInt(m.group(1)) != 0;
      return fails ? "command " + probe.getExec().getCommand() + " exited with 1" : null;
    }
    io.fabric8.kubernetes.api.model.IntOrString port = probe.getHttpGet() != null ? probe.getHttpGet().getPort()
        : probe.getTcpSocket() != null ? probe.getTcpSocket().getPort() : null;
    if (port == null) {
      return null;
    }
    boolean listening = c.getPorts().stream().anyMatch(p -> port.getIntVal() != null
        ? port.getIntVal().equals(p.getContainerPort()) : String.valueOf(port.getStrVal()).equals(p.getName()));
    if (listening) {
      return null;
    }
    String ip = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? "10.244.0.1" : pod.getStatus().getPodIP();
    String target = ip + ":" + (port.getIntVal() != null ? port.getIntVal() : port.getStrVal());
    return probe.getHttpGet() != null
        ? "Get \"http://" + target + Optional.ofNullable(probe.getHttpGet().getPath()).orElse("/")
            + "\": dial tcp " + target + ": connect: connection refused"
        : "dial tcp " + target + ": connect: connection refused";
  }

  /** The FailedMount message for the first ConfigMap/Secret volume whose object is missing, or null. */
  private String missingVolume(Pod pod) {
    String ns = pod.getMetadata().getNamespace();
    for (io.fabric8.kubernetes.api.model.Volume v : pod.getSpec().getVolumes()) {
      if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())
          && configMapKeys(ns, v.getConfigMap().getName()) == null) {
        return "MountVolume.SetUp failed for volume \"" + v.getName() + "\" : configmap \""
            + v.getConfigMap().getName() + "\" not found";
      }
      if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())
          && secretKeys(ns, v.getSecret().getSecretName()) == null) {
        return "MountVolume.SetUp failed for volume \"" + v.getName() + "\" : secret \""
            + v.getSecret().getSecretName() + "\" not found";
      }
    }
    return null;
  }

  /** The kubelet's error for the first env/envFrom reference to a missing ConfigMap/Secret or key, or null. */
  private String missingEnvSource(Pod pod, Container c) {
    String ns = pod.getMetadata().getNamespace();
    for (io.fabric8.kubernetes.api.model.EnvFromSource from : c.getEnvFrom()) {
      if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())
          && configMapKeys(ns, from.getConfigMapRef().getName()) == null) {
        return "configmap \"" + from.getConfigMapRef().getName() + "\" not found";
      }
      if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())
          && secretKeys(ns, from.getSecretRef().getName()) == null) {
        return "secret \"" + from.getSecretRef().getName() + "\" not found";
      }
    }
    for (io.fabric8.kubernetes.api.model.EnvVar env : c.getEnv()) {
      var source = env.getValueFrom();
      if (source == null) {
        continue;
      }
      if (source.getConfigMapKeyRef() != null && !Boolean.TRUE.equals(source.getConfigMapKeyRef().getOptional())) {
        String name = source.getConfigMapKeyRef().getName();
        java.util.Set<String> keys = configMapKeys(ns, name);
        if (keys == null) {
          return "configmap \"" + name + "\" not found";
        }
        if (!keys.contains(source.getConfigMapKeyRef().getKey())) {
          return "couldn't find key " + source.getConfigMapKeyRef().getKey() + " in ConfigMap " + ns + "/" + name;
        }
      }
      if (source.getSecretKeyRef() != null && !Boolean.TRUE.equals(source.getSecretKeyRef().getOptional())) {
        String name = source.getSecretKeyRef().getName();
        java.util.Set<String> keys = secretKeys(ns, name);
        if (keys == null) {
          return "secret \"" + name + "\" not found";
        }
        if (!keys.contains(source.getSecretKeyRef().getKey())) {
          return "couldn't find key " + source.getSecretKeyRef().getKey() + " in Secret " + ns + "/" + name;
        }
      }
    }
    return null;
  }

  /** The keys of a ConfigMap, or null when it does not exist. */
  private java.util.Set<String> configMapKeys(String ns, String name) {
    var cm = sim.client.configMaps().inNamespace(ns).withName(name).get();
    if (cm == null) {
      return null;
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    if (cm.getData() != null) {
      keys.addAll(cm.getData().keySet());
    }
    if (cm.getBinaryData() != null) {
      keys.addAll(cm.getBinaryData().keySet());
    }
    return keys;
  }

  /** The keys of a Secret (never its values), or null when it does not exist. */
  private java.util.Set<String> secretKeys(String ns, String name) {
    var secret = sim.client.secrets().inNamespace(ns).withName(name).get();
    if (secret == null) {
      return null;
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    if (secret.getData() != null) {
      keys.addAll(secret.getData().keySet());
    }
    if (secret.getStringData() != null) {
      keys.addAll(secret.getStringData().keySet());
    }
    return keys;
  }

  private ContainerStatus start(Pod pod, Container c, ContainerStatus cs, String fieldPath) {
    sim.events.container(pod, fieldPath, "Normal", "Created", "Created container " + c.getName());
    sim.events.container(pod, fieldPath, "Normal", "Started", "Started container " + c.getName());
    String id = "containerd://" + Hashes.sha256Hex(pod.getMetadata().getUid() + "/" + c.getName() + "/"
        + cs.getRestartCount());
    return new ContainerStatusBuilder(cs).withImageID(imageId(c.getImage())).withContainerID(id).withStarted(true)
        .withReady(false).withState(new ContainerStateBuilder().withNewRunning().withStartedAt(sim.now())
            .endRunning().build()).build();
  }

  private static PodCondition condition(PodStatus status, String type) {
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  private void setCondition(PodStatus status, String type, String value, String reason, String message) {
    PodCondition existing = condition(status, type);
    if (existing != null && Objects.equals(existing.getStatus(), value) && Objects.equals(existing.getReason(), reason)
        && Objects.equals(existing.getMessage(), message)) {
      return;
    }
    PodCondition c = new PodConditionBuilder().withType(type).withStatus(value).withReason(reason)
        .withMessage(message).withLastProbeTime(null)
        .withLastTransitionTime(existing != null && Objects.equals(existing.getStatus(), value)
            ? existing.getLastTransitionTime() : sim.now()).build();
    List<PodCondition> conditions = new ArrayList<>(status.getConditions());
    conditions.removeIf(x -> type.equals(x.getType()));
    conditions.add(c);
    status.setConditions(conditions);
  }
}
