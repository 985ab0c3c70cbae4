package dev.blame.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic cluster as a paginated LIST would return it: pages of at most {@link #PAGE_SIZE} objects of one
 * kind, each page a {@code kind: List} JSON document. Realistic object sizes (pods ~7-8 KB with
 * managedFields, as the API server returns them), generated deterministically from a seed.
 *
 * <p>Layout: namespaces of up to {@value #PODS_PER_NAMESPACE} pods; workloads of {@value #PODS_PER_WORKLOAD}
 * pods, four in five Deployments (an old and a new ReplicaSet) and one in five StatefulSets; a Service with
 * an EndpointSlice per workload; a ConfigMap the pods mount; a custom resource per namespace; Events for
 * rollouts and for failing pods. A fraction of the workloads fails: a Deployment mid-rollout whose new pods
 * crash-loop or cannot pull their image, or a StatefulSet whose last pod crash-loops.
 */
public final class SyntheticCluster {

  public static final int PAGE_SIZE = 500;
  public static final int PODS_PER_NAMESPACE = 1_000;
  public static final int PODS_PER_WORKLOAD = 10;
  static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

  /** What to generate. */
  public record Spec(int pods, double failingFraction, long seed) {
    public static Spec of(int pods) {
      return new Spec(pods, 0.1, 42);
    }
  }

  /** One workload as generated; {@code failure} is empty for healthy ones. */
  public record Workload(String namespace, String name, boolean statefulSet, String failure, String newHash,
      String oldHash, List<String> pods) {}

  private final Spec spec;
  private final Random random;
  private final List<Workload> workloads = new ArrayList<>();
  private final List<byte[]> pages = new ArrayList<>();
  private final List<byte[]> podPages = new ArrayList<>();
  private final Pager pods = new Pager();
  private final Pager replicaSets = new Pager();
  private final Pager deployments = new Pager();
  private final Pager statefulSets = new Pager();
  private final Pager services = new Pager();
  private final Pager slices = new Pager();
  private final Pager events = new Pager();
  private final Pager configMaps = new Pager();
  private final Pager customs = new Pager();
  private long podBytes;
  private int podCount;
  private int objectCount;
  private int uidCounter;

  private SyntheticCluster(Spec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
  }

  public static SyntheticCluster generate(Spec spec) {
    SyntheticCluster cluster = new SyntheticCluster(spec);
    cluster.build();
    return cluster;
  }

  public List<byte[]> pages() {
    return pages;
  }

  /** The pages of pods alone (they are also in {@link #pages()}). */
  public List<byte[]> podPages() {
    return podPages;
  }

  public List<Workload> workloads() {
    return workloads;
  }

  public int podCount() {
    return podCount;
  }

  public int objectCount() {
    return objectCount;
  }

  public long bytes() {
    return pages.stream().mapToLong(p -> p.length).sum();
  }

  public double averagePodBytes() {
    return podCount == 0 ? 0 : (double) podBytes / podCount;
  }

  /** The first failing Deployment, else the first Deployment. */
  public Workload failingDeployment() {
    return workloads.stream().filter(w -> !w.statefulSet() && !w.failure().isEmpty()).findFirst()
        .orElse(workloads.stream().filter(w -> !w.statefulSet()).findFirst().orElseThrow());
  }

  private void build() {
    int remaining = spec.pods();
    int ns = 0;
    while (remaining > 0) {
      int inNs = Math.min(PODS_PER_NAMESPACE, remaining);
      namespace("ns-" + ns++, inNs);
      remaining -= inNs;
    }
    for (Pager pager : List.of(configMaps, customs, deployments, statefulSets, replicaSets, pods, services,
        slices, events)) {
      pager.flush();
    }
  }

  private void namespace(String ns, int podsInNs) {
    configMaps.add(configMap(ns, "shop-config", "\"app.properties\":\"log.level=info\\nfeature.x=true\\n\""));
    configMaps.add(configMap(ns, "kube-root-ca.crt", "\"ca.crt\":\"-----BEGIN CERTIFICATE-----\\nMIIC/jCCAeagAwIBAgIBADANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwprdWJl\\n-----END CERTIFICATE-----\\n\""));
    customs.add(database(ns));
    int workloadsInNs = (podsInNs + PODS_PER_WORKLOAD - 1) / PODS_PER_WORKLOAD;
    int left = podsInNs;
    for (int w = 0; w < workloadsInNs; w++) {
      int size = Math.min(PODS_PER_WORKLOAD, left);
      left -= size;
      boolean sts = w % 5 == 4;
      String failure = random.nextDouble() < spec.failingFraction()
          ? (random.nextBoolean() ? "CrashLoopBackOff" : "ImagePullBackOff") : "";
      String name = (sts ? "db-" : "web-") + w;
      if (sts) {
        statefulSet(ns, name, size, failure);
      } else {
        deployment(ns, name, size, failure);
      }
    }
  }

  private void deployment(String ns, String name, int size, String failure) {
    String oldHash = hash();
    String newHash = hash();
    String depUid = uid();
    boolean failing = !failure.isEmpty();
    int newPods = failing ? Math.max(1, size / 5) : size;
    int oldPods = size - newPods;
    deployments.add(deploymentJson(ns, name, depUid, size, failing, newPods, oldPods));
    String oldRsUid = uid();
    String newRsUid = uid();
    replicaSets.add(replicaSetJson(ns, name, oldHash, oldRsUid, depUid, 1, oldPods, true));
    replicaSets.add(replicaSetJson(ns, name, newHash, newRsUid, depUid, 2, newPods, !failing));
    List<String> podNames = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      boolean isNew = i < newPods;
      String hash = isNew ? newHash : oldHash;
      String podName = name + "-" + hash + "-" + suffix();
      podNames.add(podName);
      String podFailure = isNew ? failure : "";
      addPod(ns, podName, name, "ReplicaSet", name + "-" + hash, isNew ? newRsUid : oldRsUid, hash, podFailure, i);
    }
    events.add(eventJson(ns, name + "." + suffix(), "Deployment", "apps/v1", name, depUid, "Normal",
        "ScalingReplicaSet", "Scaled up replica set " + name + "-" + newHash + " to " + newPods, 1));
    service(ns, name, podNames);
    workloads.add(new Workload(ns, name, false, failure, newHash, oldHash, podNames));
  }

  private void statefulSet(String ns, String name, int size, String failure) {
    String stsUid = uid();
    String hash = name + "-" + hash();
    statefulSets.add(statefulSetJson(ns, name, stsUid, size, hash, !failure.isEmpty()));
    List<String> podNames = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String podName = name + "-" + i;
      podNames.add(podName);
      String podFailure = i == size - 1 ? failure : "";
      addPod(ns, podName, name, "StatefulSet", name, stsUid, hash, podFailure, i);
    }
    service(ns, name, podNames);
    workloads.add(new Workload(ns, name, true, failure, hash, hash, podNames));
  }

  private void addPod(String ns, String podName, String app, String ownerKind, String ownerName, String ownerUid,
      String hash, String failure, int ordinal) {
    String podUid = uid();
    String json = podJson(ns, podName, podUid, app, ownerKind, ownerName, ownerUid, hash, failure, ordinal, 0);
    podBytes += json.length();
    podCount++;
    pods.add(json);
    if (!failure.isEmpty()) {
      boolean crash = failure.equals("CrashLoopBackOff");
      events.add(eventJson(ns, podName + "." + suffix(), "Pod", "v1", podName, podUid, "Warning",
          crash ? "BackOff" : "Failed",
          crash ? "Back-off restarting failed container app in pod " + podName
              : "Failed to pull image \"registry.example.com/" + app + ":v2\": not found", 12));
    }
  }

  private void service(String ns, String app, List<String> podNames) {
    services.add(serviceJson(ns, app));
    slices.add(sliceJson(ns, app, podNames));
  }

  // ------------------------------------------------------------------ JSON

  /**
   * A pod as the API server returns it. {@code failure}: "" (running and ready), "CrashLoopBackOff" or
   * "ImagePullBackOff"; {@code restarts} varies the status for update streams.
   */
  public static String podJson(String ns, String name, String uid, String app, String ownerKind, String ownerName,
      String ownerUid, String hash, String failure, int ordinal, int restarts) {
    String created = T0.plusSeconds(ordinal).toString();
    String started = T0.plusSeconds(ordinal + 5).toString();
    boolean sts = ownerKind.equals("StatefulSet");
    String ownerApi = "apps/v1";
    String hashLabel = sts ? "controller-revision-hash" : "pod-template-hash";
    String ip = "10." + (Math.abs(name.hashCode()) % 250) + "." + (ordinal % 250) + "." + (Math.abs(uid.hashCode()) % 250);
    String node = "node-" + (Math.abs(name.hashCode()) % 500);
    boolean ready = failure.isEmpty();
    String image = "registry.example.com/" + app + ":" + (failure.equals("ImagePullBackOff") ? "v2" : "v1");
    StringBuilder b = new StringBuilder(8_192);
    b.append("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{")
        .append("\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"2026-10-30T12:00:00Z\",")
        .append("\"prometheus.io/scrape\":\"true\",\"prometheus.io/port\":\"9090\"},")
        .append("\"creationTimestamp\":\"").append(created).append("\",")
        .append("\"generateName\":\"").append(ownerName).append("-\",")
        .append("\"labels\":{\"app\":\"").append(app).append("\",\"app.kubernetes.io/name\":\"").append(app)
        .append("\",\"app.kubernetes.io/part-of\":\"shop\",\"tier\":\"backend\",\"").append(hashLabel)
        .append("\":\"").append(hash).append("\"")
        .append(sts ? ",\"statefulset.kubernetes.io/pod-name\":\"" + name + "\"" : "").append("},")
        .append("\"managedFields\":[{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{")
        .append("\"f:metadata\":{\"f:annotations\":{\".\":{},\"f:kubectl.kubernetes.io/restartedAt\":{},")
        .append("\"f:prometheus.io/port\":{},\"f:prometheus.io/scrape\":{}},\"f:generateName\":{},\"f:labels\":{\".\":{},")
        .append("\"f:app\":{},\"f:app.kubernetes.io/name\":{},\"f:app.kubernetes.io/part-of\":{},\"f:").append(hashLabel)
        .append("\":{},\"f:tier\":{}},\"f:ownerReferences\":{\".\":{},\"k:{\\\"uid\\\":\\\"").append(ownerUid)
        .append("\\\"}\":{}}},\"f:spec\":{\"f:containers\":{\"k:{\\\"name\\\":\\\"app\\\"}\":{\".\":{},\"f:env\":{\".\":{},")
        .append(envFields()).append("\"k:{\\\"name\\\":\\\"LOG_LEVEL\\\"}\":{\".\":{},\"f:name\":{},\"f:value\":{}},")
        .append("\"k:{\\\"name\\\":\\\"POD_NAME\\\"}\":{\".\":{},\"f:name\":{},\"f:valueFrom\":{\".\":{},\"f:fieldRef\":{}}}},")
        .append("\"f:envFrom\":{},\"f:image\":{},\"f:imagePullPolicy\":{},\"f:livenessProbe\":{\".\":{},\"f:failureThreshold\":{},")
        .append("\"f:httpGet\":{\".\":{},\"f:path\":{},\"f:port\":{},\"f:scheme\":{}},\"f:periodSeconds\":{},\"f:successThreshold\":{},")
        .append("\"f:timeoutSeconds\":{}},\"f:name\":{},\"f:ports\":{\".\":{},\"k:{\\\"containerPort\\\":8080,\\\"protocol\\\":\\\"TCP\\\"}\":")
        .append("{\".\":{},\"f:containerPort\":{},\"f:name\":{},\"f:protocol\":{}}},\"f:readinessProbe\":{\".\":{},\"f:failureThreshold\":{},")
        .append("\"f:httpGet\":{\".\":{},\"f:path\":{},\"f:port\":{},\"f:scheme\":{}},\"f:periodSeconds\":{},\"f:successThreshold\":{},")
        .append("\"f:timeoutSeconds\":{}},\"f:resources\":{\".\":{},\"f:limits\":{\".\":{},\"f:memory\":{}},\"f:requests\":{\".\":{},")
        .append("\"f:cpu\":{},\"f:memory\":{}}},\"f:terminationMessagePath\":{},\"f:terminationMessagePolicy\":{},")
        .append("\"f:volumeMounts\":{\".\":{},\"k:{\\\"mountPath\\\":\\\"/etc/app\\\"}\":{\".\":{},\"f:mountPath\":{},\"f:name\":{}}}}},")
        .append("\"f:dnsPolicy\":{},\"f:enableServiceLinks\":{},\"f:restartPolicy\":{},\"f:schedulerName\":{},\"f:securityContext\":{},")
        .append("\"f:terminationGracePeriodSeconds\":{},\"f:volumes\":{\".\":{},\"k:{\\\"name\\\":\\\"config\\\"}\":{\".\":{},")
        .append("\"f:configMap\":{\".\":{},\"f:defaultMode\":{},\"f:name\":{}},\"f:name\":{}}}}},")
        .append("\"manager\":\"kube-controller-manager\",\"operation\":\"Update\",\"time\":\"").append(created).append("\"},")
        .append("{\"apiVersion\":\"v1\",\"fieldsType\":\"FieldsV1\",\"fieldsV1\":{\"f:status\":{\"f:conditions\":{")
        .append("\"k:{\\\"type\\\":\\\"ContainersReady\\\"}\":{\".\":{},\"f:lastProbeTime\":{},\"f:lastTransitionTime\":{},\"f:status\":{},\"f:type\":{}},")
        .append("\"k:{\\\"type\\\":\\\"Initialized\\\"}\":{\".\":{},\"f:lastProbeTime\":{},\"f:lastTransitionTime\":{},\"f:status\":{},\"f:type\":{}},")
        .append("\"k:{\\\"type\\\":\\\"PodReadyToStartContainers\\\"}\":{\".\":{},\"f:lastProbeTime\":{},\"f:lastTransitionTime\":{},\"f:status\":{},\"f:type\":{}},")
        .append("\"k:{\\\"type\\\":\\\"Ready\\\"}\":{\".\":{},\"f:lastProbeTime\":{},\"f:lastTransitionTime\":{},\"f:status\":{},\"f:type\":{}}},")
        .append("\"f:containerStatuses\":{},\"f:hostIP\":{},\"f:hostIPs\":{},\"f:phase\":{},\"f:podIP\":{},\"f:podIPs\":{\".\":{},")
        .append("\"k:{\\\"ip\\\":\\\"").append(ip).append("\\\"}\":{\".\":{},\"f:ip\":{}}},\"f:startTime\":{}}},")
        .append("\"manager\":\"kubelet\",\"operation\":\"Update\",\"subresource\":\"status\",\"time\":\"").append(started).append("\"}],")
        .append("\"name\":\"").append(name).append("\",\"namespace\":\"").append(ns).append("\",")
        .append("\"ownerReferences\":[{\"apiVersion\":\"").append(ownerApi).append("\",\"blockOwnerDeletion\":true,")
        .append("\"controller\":true,\"kind\":\"").append(ownerKind).append("\",\"name\":\"").append(ownerName)
        .append("\",\"uid\":\"").append(ownerUid).append("\"}],")
        .append("\"resourceVersion\":\"").append(1000 + restarts).append(Math.abs(uid.hashCode()) % 100000).append("\",")
        .append("\"uid\":\"").append(uid).append("\"},")
        .append("\"spec\":{\"containers\":[{\"env\":[").append(envJson()).append("{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"POD_NAME\",")
        .append("\"valueFrom\":{\"fieldRef\":{\"apiVersion\":\"v1\",\"fieldPath\":\"metadata.name\"}}}],")
        .append("\"envFrom\":[{\"configMapRef\":{\"name\":\"shop-config\"}}],")
        .append("\"image\":\"").append(image).append("\",\"imagePullPolicy\":\"IfNotPresent\",")
        .append("\"livenessProbe\":{\"failureThreshold\":3,\"httpGet\":{\"path\":\"/healthz\",\"port\":8080,\"scheme\":\"HTTP\"},")
        .append("\"periodSeconds\":10,\"successThreshold\":1,\"timeoutSeconds\":1},\"name\":\"app\",")
        .append("\"ports\":[{\"containerPort\":8080,\"name\":\"http\",\"protocol\":\"TCP\"}],")
        .append("\"readinessProbe\":{\"failureThreshold\":3,\"httpGet\":{\"path\":\"/ready\",\"port\":8080,\"scheme\":\"HTTP\"},")
        .append("\"periodSeconds\":5,\"successThreshold\":1,\"timeoutSeconds\":1},")
        .append("\"resources\":{\"limits\":{\"memory\":\"512Mi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"256Mi\"}},")
        .append("\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\",")
        .append("\"volumeMounts\":[{\"mountPath\":\"/etc/app\",\"name\":\"config\"},{\"mountPath\":")
        .append("\"/var/run/secrets/kubernetes.io/serviceaccount\",\"name\":\"kube-api-access-").append(uid, 0, 5)
        .append("\",\"readOnly\":true}]}],")
        .append("\"dnsPolicy\":\"ClusterFirst\",\"enableServiceLinks\":true,\"nodeName\":\"").append(node).append("\",")
        .append("\"preemptionPolicy\":\"PreemptLowerPriority\",\"priority\":0,\"restartPolicy\":\"Always\",")
        .append("\"schedulerName\":\"default-scheduler\",\"securityContext\":{},\"serviceAccount\":\"default\",")
        .append("\"serviceAccountName\":\"default\",\"terminationGracePeriodSeconds\":30,")
        .append(sts ? "\"hostname\":\"" + name + "\",\"subdomain\":\"" + app + "\"," : "")
        .append("\"tolerations\":[{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/not-ready\",\"operator\":\"Exists\",")
        .append("\"tolerationSeconds\":300},{\"effect\":\"NoExecute\",\"key\":\"node.kubernetes.io/unreachable\",")
        .append("\"operator\":\"Exists\",\"tolerationSeconds\":300}],")
        .append("\"volumes\":[{\"configMap\":{\"defaultMode\":420,\"name\":\"shop-config\"},\"name\":\"config\"},")
        .append("{\"name\":\"kube-api-access-").append(uid, 0, 5).append("\",\"projected\":{\"defaultMode\":420,\"sources\":[")
        .append("{\"serviceAccountToken\":{\"expirationSeconds\":3607,\"path\":\"token\"}},")
        .append("{\"configMap\":{\"items\":[{\"key\":\"ca.crt\",\"path\":\"ca.crt\"}],\"name\":\"kube-root-ca.crt\"}},")
        .append("{\"downwardAPI\":{\"items\":[{\"fieldRef\":{\"apiVersion\":\"v1\",\"fieldPath\":\"metadata.namespace\"},")
        .append("\"path\":\"namespace\"}]}}]}}]},")
        .append("\"status\":{\"conditions\":[")
        .append(condition("PodReadyToStartContainers", "True", started, null))
        .append(',').append(condition("Initialized", "True", created, null))
        .append(',').append(condition("Ready", ready ? "True" : "False", started,
            ready ? null : "containers with unready status: [app]"))
        .append(',').append(condition("ContainersReady", ready ? "True" : "False", started,
            ready ? null : "containers with unready status: [app]"))
        .append(',').append(condition("PodScheduled", "True", created, null)).append("],")
        .append("\"containerStatuses\":[{");
    if (failure.equals("ImagePullBackOff")) {
      b.append("\"image\":\"").append(image).append("\",\"imageID\":\"\",\"lastState\":{},\"name\":\"app\",")
          .append("\"ready\":false,\"restartCount\":0,\"started\":false,\"state\":{\"waiting\":{\"message\":")
          .append("\"Back-off pulling image \\\"").append(image).append("\\\"\",\"reason\":\"ImagePullBackOff\"}}");
    } else {
      b.append("\"containerID\":\"containerd://").append(uid.replace("-", "")).append(uid.replace("-", ""))
          .append("\",\"image\":\"").append(image).append("\",\"imageID\":\"").append(image)
          .append("@sha256:4f1b5c2e9a7d3b8c6e0f2a1d5c9b7e3f8a2d6c4b0e9f7a5d3c1b8e6f4a2d0c9b\",");
      if (failure.equals("CrashLoopBackOff")) {
        b.append("\"lastState\":{\"terminated\":{\"containerID\":\"containerd://").append(uid.replace("-", ""))
            .append("\",\"exitCode\":1,\"finishedAt\":\"").append(T0.plusSeconds(600).toString())
            .append("\",\"reason\":\"Error\",\"startedAt\":\"").append(T0.plusSeconds(590).toString()).append("\"}},")
            .append("\"name\":\"app\",\"ready\":false,\"restartCount\":").append(7 + restarts)
            .append(",\"started\":false,\"state\":{\"waiting\":{\"message\":\"back-off 5m0s restarting failed ")
            .append("container=app pod=").append(name).append("_").append(ns).append("(").append(uid)
            .append(")\",\"reason\":\"CrashLoopBackOff\"}}");
      } else {
        b.append("\"lastState\":{},\"name\":\"app\",\"ready\":true,\"restartCount\":").append(restarts)
            .append(",\"started\":true,\"state\":{\"running\":{\"startedAt\":\"").append(started).append("\"}}");
      }
    }
    b.append("}],\"hostIP\":\"192.168.").append(Math.abs(node.hashCode()) % 250).append(".10\",")
        .append("\"hostIPs\":[{\"ip\":\"192.168.").append(Math.abs(node.hashCode()) % 250).append(".10\"}],")
        .append("\"phase\":\"").append(failure.equals("ImagePullBackOff") ? "Pending" : "Running").append("\",")
        .append("\"podIP\":\"").append(ip).append("\",\"podIPs\":[{\"ip\":\"").append(ip).append("\"}],")
        .append("\"qosClass\":\"Burstable\",\"startTime\":\"").append(created).append("\"}}");
    return b.toString();
  }

  /** Environment variables every container carries (plain values: shared by all pods of a template). */
  private static final String[][] ENV = {
      {"DB_HOST", "orders-db.shop.svc.cluster.local"}, {"DB_PORT", "5432"},
      {"CACHE_URL", "redis://cache.shop.svc.cluster.local:6379/0"}, {"FEATURE_FLAGS", "checkout-v2,fast-search"},
      {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability.svc:4317"},
      {"OTEL_SERVICE_NAME", "shop"}, {"JAVA_OPTS", "-XX:MaxRAMPercentage=75 -XX:+UseG1GC"}, {"TZ", "UTC"}};

  private static String envJson() {
    StringBuilder b = new StringBuilder();
    for (String[] e : ENV) {
      b.append("{\"name\":\"").append(e[0]).append("\",\"value\":\"").append(e[1]).append("\"},");
    }
    return b.toString();
  }

  private static String envFields() {
    StringBuilder b = new StringBuilder();
    for (String[] e : ENV) {
      b.append("\"k:{\\\"name\\\":\\\"").append(e[0]).append("\\\"}\":{\".\":{},\"f:name\":{},\"f:value\":{}},");
    }
    return b.toString();
  }

  private static String condition(String type, String status, String at, String message) {
    return "{\"lastProbeTime\":null,\"lastTransitionTime\":\"" + at + "\""
        + (message == null ? "" : ",\"message\":\"" + message + "\",\"reason\":\"ContainersNotReady\"")
        + ",\"status\":\"" + status + "\",\"type\":\"" + type + "\"}";
  }

  private static String template(String app, String hashLabel, String hash, String image) {
    return "{\"metadata\":{\"labels\":{\"app\":\"" + app + "\",\"app.kubernetes.io/name\":\"" + app
        + "\",\"app.kubernetes.io/part-of\":\"shop\",\"tier\":\"backend\""
        + (hash == null ? "" : ",\"" + hashLabel + "\":\"" + hash + "\"") + "}},"
        + "\"spec\":{\"containers\":[{\"envFrom\":[{\"configMapRef\":{\"name\":\"shop-config\"}}],\"image\":\"" + image
        + "\",\"imagePullPolicy\":\"IfNotPresent\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\","
        + "\"protocol\":\"TCP\"}],\"readinessProbe\":{\"httpGet\":{\"path\":\"/ready\",\"port\":8080}},"
        + "\"resources\":{\"limits\":{\"memory\":\"512Mi\"},\"requests\":{\"cpu\":\"250m\",\"memory\":\"256Mi\"}}}],"
        + "\"restartPolicy\":\"Always\",\"volumes\":[{\"configMap\":{\"name\":\"shop-config\"},\"name\":\"config\"}]}}";
  }

  private static String meta(String ns, String name, String uid, String created, String extra) {
    return "\"metadata\":{\"creationTimestamp\":\"" + created + "\",\"name\":\"" + name + "\",\"namespace\":\"" + ns
        + "\",\"resourceVersion\":\"" + Math.abs(uid.hashCode() % 100000) + "\",\"uid\":\"" + uid + "\"" + extra + "}";
  }

  private static String deploymentJson(String ns, String name, String uid, int replicas, boolean failing, int newPods,
      int oldPods) {
    String now = T0.plusSeconds(900).toString();
    String progressing = failing
        ? "{\"lastTransitionTime\":\"" + now + "\",\"lastUpdateTime\":\"" + now + "\",\"message\":\"ReplicaSet has timed"
            + " out progressing.\",\"reason\":\"ProgressDeadlineExceeded\",\"status\":\"False\",\"type\":\"Progressing\"}"
        : "{\"lastTransitionTime\":\"" + T0 + "\",\"lastUpdateTime\":\"" + T0 + "\",\"message\":\"ReplicaSet has "
            + "successfully progressed.\",\"reason\":\"NewReplicaSetAvailable\",\"status\":\"True\",\"type\":\"Progressing\"}";
    int available = failing ? oldPods : replicas;
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\","
        + meta(ns, name, uid, T0.minusSeconds(86_400).toString(),
            ",\"annotations\":{\"deployment.kubernetes.io/revision\":\"2\"},\"generation\":2,\"labels\":{\"app\":\""
                + name + "\"}")
        + ",\"spec\":{\"progressDeadlineSeconds\":600,\"replicas\":" + replicas + ",\"revisionHistoryLimit\":10,"
        + "\"selector\":{\"matchLabels\":{\"app\":\"" + name + "\"}},\"strategy\":{\"rollingUpdate\":{\"maxSurge\":\"25%\","
        + "\"maxUnavailable\":\"25%\"},\"type\":\"RollingUpdate\"},\"template\":"
        + template(name, null, null, "registry.example.com/" + name + ":v" + (failing ? 2 : 1)) + "},"
        + "\"status\":{\"availableReplicas\":" + available + ",\"conditions\":[{\"lastTransitionTime\":\"" + T0
        + "\",\"lastUpdateTime\":\"" + T0 + "\",\"message\":\"Deployment has minimum availability.\",\"reason\":"
        + "\"MinimumReplicasAvailable\",\"status\":\"True\",\"type\":\"Available\"}," + progressing + "],"
        + "\"observedGeneration\":2,\"readyReplicas\":" + available + ",\"replicas\":" + replicas
        + (failing ? ",\"unavailableReplicas\":" + newPods : "") + ",\"updatedReplicas\":" + newPods + "}}";
  }

  private static String replicaSetJson(String ns, String app, String hash, String uid, String depUid, int revision,
      int replicas, boolean available) {
    String name = app + "-" + hash;
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        + meta(ns, name, uid, T0.minusSeconds(86_400 / revision).toString(),
            ",\"annotations\":{\"deployment.kubernetes.io/desired-replicas\":\"10\",\"deployment.kubernetes.io/max-replicas\":"
                + "\"13\",\"deployment.kubernetes.io/revision\":\"" + revision + "\"},\"generation\":1,"
                + "\"labels\":{\"app\":\"" + app + "\",\"pod-template-hash\":\"" + hash + "\"},\"ownerReferences\":[{"
                + "\"apiVersion\":\"apps/v1\",\"blockOwnerDeletion\":true,\"controller\":true,\"kind\":\"Deployment\","
                + "\"name\":\"" + app + "\",\"uid\":\"" + depUid + "\"}]")
        + ",\"spec\":{\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":{\"app\":\"" + app
        + "\",\"pod-template-hash\":\"" + hash + "\"}},\"template\":"
        + template(app, "pod-template-hash", hash, "registry.example.com/" + app + ":v" + revision) + "},"
        + "\"status\":{\"availableReplicas\":" + (available ? replicas : 0) + ",\"fullyLabeledReplicas\":" + replicas
        + ",\"observedGeneration\":1,\"readyReplicas\":" + (available ? replicas : 0) + ",\"replicas\":" + replicas
        + "}}";
  }

  private static String statefulSetJson(String ns, String name, String uid, int replicas, String hash,
      boolean failing) {
    int ready = failing ? replicas - 1 : replicas;
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\","
        + meta(ns, name, uid, T0.minusSeconds(86_400).toString(), ",\"generation\":1,\"labels\":{\"app\":\"" + name
            + "\"}")
        + ",\"spec\":{\"podManagementPolicy\":\"OrderedReady\",\"replicas\":" + replicas + ",\"selector\":{\"matchLabels\":"
        + "{\"app\":\"" + name + "\"}},\"serviceName\":\"" + name + "\",\"template\":"
        + template(name, null, null, "registry.example.com/" + name + ":v1")
        + ",\"updateStrategy\":{\"rollingUpdate\":{\"partition\":0},\"type\":\"RollingUpdate\"}},"
        + "\"status\":{\"availableReplicas\":" + ready + ",\"collisionCount\":0,\"currentReplicas\":" + replicas
        + ",\"currentRevision\":\"" + hash + "\",\"observedGeneration\":1,\"readyReplicas\":" + ready + ",\"replicas\":"
        + replicas + ",\"updateRevision\":\"" + hash + "\",\"updatedReplicas\":" + replicas + "}}";
  }

  private String serviceJson(String ns, String app) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + meta(ns, app, uid(), T0.minusSeconds(86_400).toString(),
        ",\"labels\":{\"app\":\"" + app + "\"}")
        + ",\"spec\":{\"clusterIP\":\"10.96." + (random.nextInt(250)) + "." + random.nextInt(250) + "\",\"ports\":[{"
        + "\"name\":\"http\",\"port\":80,\"protocol\":\"TCP\",\"targetPort\":\"http\"}],\"selector\":{\"app\":\"" + app
        + "\"},\"sessionAffinity\":\"None\",\"type\":\"ClusterIP\"},\"status\":{\"loadBalancer\":{}}}";
  }

  private String sliceJson(String ns, String app, List<String> podNames) {
    StringBuilder b = new StringBuilder("{\"addressType\":\"IPv4\",\"apiVersion\":\"discovery.k8s.io/v1\",\"endpoints\":[");
    for (int i = 0; i < podNames.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"addresses\":[\"10.0.").append(i).append(".").append(random.nextInt(250))
          .append("\"],\"conditions\":{\"ready\":true,\"serving\":true,\"terminating\":false},\"targetRef\":{")
          .append("\"kind\":\"Pod\",\"name\":\"").append(podNames.get(i)).append("\",\"namespace\":\"").append(ns)
          .append("\"}}");
    }
    b.append("],\"kind\":\"EndpointSlice\",").append(meta(ns, app + "-" + suffix(), uid(),
        T0.minusSeconds(86_400).toString(), ",\"labels\":{\"kubernetes.io/service-name\":\"" + app + "\"}"))
        .append(",\"ports\":[{\"name\":\"http\",\"port\":8080,\"protocol\":\"TCP\"}]}");
    return b.toString();
  }

  private String eventJson(String ns, String name, String kind, String apiVersion, String about, String aboutUid,
      String type, String reason, String message, int count) {
    String first = T0.plusSeconds(60).toString();
    String last = T0.plusSeconds(600).toString();
    return "{\"apiVersion\":\"v1\",\"count\":" + count + ",\"firstTimestamp\":\"" + first + "\",\"involvedObject\":{"
        + "\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"name\":\"" + about + "\",\"namespace\":\"" + ns
        + "\",\"uid\":\"" + aboutUid + "\"},\"kind\":\"Event\",\"lastTimestamp\":\"" + last + "\",\"message\":\""
        + message.replace("\"", "\\\"") + "\"," + meta(ns, name, uid(), first, "") + ",\"reason\":\"" + reason
        + "\",\"source\":{\"component\":\"" + (kind.equals("Pod") ? "kubelet" : "deployment-controller")
        + "\"},\"type\":\"" + type + "\"}";
  }

  private String configMap(String ns, String name, String data) {
    return "{\"apiVersion\":\"v1\",\"data\":{" + data + "},"
        + "\"kind\":\"ConfigMap\"," + meta(ns, name, uid(), T0.minusSeconds(90_000).toString(), "") + "}";
  }

  private String database(String ns) {
    return "{\"apiVersion\":\"example.dev/v1\",\"kind\":\"Database\","
        + meta(ns, "orders", uid(), T0.minusSeconds(90_000).toString(), ",\"generation\":3")
        + ",\"spec\":{\"engine\":\"postgres\",\"version\":\"16\",\"storage\":\"20Gi\"},\"status\":{\"observedGeneration\":3,"
        + "\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Available\",\"message\":\"primary up\","
        + "\"lastTransitionTime\":\"" + T0 + "\"}]}}";
  }

  // ------------------------------------------------------------------ names

  private String uid() {
    long a = random.nextLong();
    long b = random.nextLong();
    String hex = String.format("%016x%016x", a, b);
    uidCounter++;
    return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a" + hex.substring(17, 20)
        + "-" + hex.substring(20, 32);
  }

  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private String hash() {
    return chars(10);
  }

  private String suffix() {
    return chars(5);
  }

  private String chars(int n) {
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(c);
  }

  /** Collects JSON items of one kind into {@code kind: List} pages. */
  private final class Pager {
    private final List<String> items = new ArrayList<>();

    void add(String json) {
      items.add(json);
      objectCount++;
      if (items.size() == PAGE_SIZE) {
        flush();
      }
    }

    void flush() {
      if (items.isEmpty()) {
        return;
      }
      StringBuilder b = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"metadata\":{},\"items\":[");
      b.append(String.join(",", items)).append("]}");
      byte[] page = b.toString().getBytes(StandardCharsets.UTF_8);
      pages.add(page);
      if (this == pods) {
        podPages.add(page);
      }
      items.clear();
    }
  }
}
