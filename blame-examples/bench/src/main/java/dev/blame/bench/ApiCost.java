package dev.blame.bench;

import dev.blame.api.Blame;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * P5: the requests the live source makes to blame one Deployment in one namespace, against fabric8's CRUD
 * mock server, and what listing every API type (as kubectl tree does) would take instead.
 */
public final class ApiCost {

  /**
   * Resources with the {@code list} verb on a vanilla Kubernetes 1.31 cluster ({@code kubectl api-resources
   * --verbs=list}): kubectl tree lists each of them across all namespaces, plus one per CRD.
   */
  static final List<String> VANILLA_LISTABLE = List.of(
      "componentstatuses", "configmaps", "endpoints", "events", "limitranges", "namespaces", "nodes",
      "persistentvolumeclaims", "persistentvolumes", "pods", "podtemplates", "replicationcontrollers",
      "resourcequotas", "secrets", "serviceaccounts", "services",
      "mutatingwebhookconfigurations.admissionregistration.k8s.io",
      "validatingadmissionpolicies.admissionregistration.k8s.io",
      "validatingadmissionpolicybindings.admissionregistration.k8s.io",
      "validatingwebhookconfigurations.admissionregistration.k8s.io",
      "customresourcedefinitions.apiextensions.k8s.io", "apiservices.apiregistration.k8s.io",
      "controllerrevisions.apps", "daemonsets.apps", "deployments.apps", "replicasets.apps", "statefulsets.apps",
      "horizontalpodautoscalers.autoscaling", "cronjobs.batch", "jobs.batch",
      "certificatesigningrequests.certificates.k8s.io", "leases.coordination.k8s.io",
      "endpointslices.discovery.k8s.io", "events.events.k8s.io",
      "flowschemas.flowcontrol.apiserver.k8s.io", "prioritylevelconfigurations.flowcontrol.apiserver.k8s.io",
      "ingressclasses.networking.k8s.io", "ingresses.networking.k8s.io", "networkpolicies.networking.k8s.io",
      "runtimeclasses.node.k8s.io", "poddisruptionbudgets.policy", "clusterrolebindings.rbac.authorization.k8s.io",
      "clusterroles.rbac.authorization.k8s.io", "rolebindings.rbac.authorization.k8s.io",
      "roles.rbac.authorization.k8s.io", "priorityclasses.scheduling.k8s.io", "csidrivers.storage.k8s.io",
      "csinodes.storage.k8s.io", "csistoragecapacities.storage.k8s.io", "storageclasses.storage.k8s.io",
      "volumeattachments.storage.k8s.io");

  /** Counted requests: LISTs and WATCHes by path, other GETs by path, and anything else. */
  public record Result(int lists, int watches, int gets, int others, int namespacedLists, int clusterLists,
      TreeMap<String, Integer> listPaths, TreeMap<String, Integer> getPaths, boolean quietAfterwards,
      int kubectlTreeLists) {}

  /** The mock server logs every request through java.util.logging; kept quiet (held: loggers are weak). */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private ApiCost() {}

  public static Result measure() throws Exception {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesMixedDispatcher(new HashMap<>()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    try {
      SyntheticCluster cluster = SyntheticCluster.generate(new SyntheticCluster.Spec(60, 0.3, 7));
      int crds = 0;
      List<HasMetadata> objects = new ArrayList<>(Measure.decode(cluster.pages()));
      // Owners first: the mock assigns its own uids, which the owner references and Events are rewritten to.
      objects.sort(java.util.Comparator.comparingInt(ApiCost::rank));
      Map<String, String> uids = new HashMap<>();
      for (HasMetadata object : objects) {
        if (object instanceof GenericKubernetesResource) {
          crds = 1;
          continue; // the mock needs a CRD context for custom resources; they add one kind to both counts
        }
        String uid = object.getMetadata().getUid();
        object.getMetadata().setResourceVersion(null);
        object.getMetadata().getOwnerReferences().forEach(o -> o.setUid(uids.getOrDefault(o.getUid(), o.getUid())));
        if (object instanceof Event event && event.getInvolvedObject() != null) {
          event.getInvolvedObject().setUid(uids.getOrDefault(event.getInvolvedObject().getUid(),
              event.getInvolvedObject().getUid()));
        }
        HasMetadata created = client.resource(object).create();
        if (uid != null) {
          uids.put(uid, created.getMetadata().getUid());
        }
      }
      // Another namespace, which must not be read.
      client.configMaps().inNamespace("other").resource(new ConfigMapBuilder().withNewMetadata().withName("x")
          .endMetadata().build()).create();
      drain(server);
      SyntheticCluster.Workload workload = cluster.failingDeployment();
      List<String> requests;
      boolean quiet;
      try (Blame blame = BlameEngine.builder().client(client).namespace(workload.namespace()).build()) {
        if (!blame.explain(ObjectRef.of(GroupKind.DEPLOYMENT, workload.namespace(), workload.name())).found()) {
          throw new IllegalStateException("the live source did not find " + workload.name());
        }
        requests = drain(server);
        int count = server.getRequestCount();
        Thread.sleep(1_000);
        quiet = server.getRequestCount() == count;
      }
      return classify(requests, quiet, VANILLA_LISTABLE.size() + crds);
    } finally {
      client.close();
      server.destroy();
    }
  }

  /** Creation order: owners before what they own, objects before the Events about them. */
  private static int rank(HasMetadata object) {
    return switch (object.getKind()) {
      case "Deployment", "StatefulSet", "DaemonSet", "CronJob" -> 0;
      case "ReplicaSet", "Job", "ControllerRevision" -> 1;
      case "Pod" -> 2;
      case "Event" -> 4;
      default -> 3;
    };
  }

  static Result classify(List<String> requests, boolean quiet, int kubectlTree) {
    int lists = 0;
    int watches = 0;
    int gets = 0;
    int others = 0;
    int namespaced = 0;
    int cluster = 0;
    TreeMap<String, Integer> listPaths = new TreeMap<>();
    TreeMap<String, Integer> getPaths = new TreeMap<>();
    for (String request : requests) {
      String[] parts = request.split(" ", 2);
      String path = parts[1].split("\\?", 2)[0];
      String query = parts[1].contains("?") ? parts[1].split("\\?", 2)[1] : "";
      if (!parts[0].equals("GET")) {
        others++;
      } else if (query.contains("watch=true")) {
        watches++;
      } else if (query.contains("limit=")) {
        lists++;
        listPaths.merge(path, 1, Integer::sum);
        if (path.contains("/namespaces/")) {
          namespaced++;
        } else {
          cluster++;
        }
      } else {
        gets++;
        getPaths.merge(parts[1], 1, Integer::sum);
      }
    }
    return new Result(lists, watches, gets, others, namespaced, cluster, listPaths, getPaths, quiet, kubectlTree);
  }

  private static List<String> drain(KubernetesMockServer server) throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }
}
