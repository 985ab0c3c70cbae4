package dev.blame.demo;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Job -> pods, after pkg/controller/job: up to {@code parallelism} active pods until {@code completions} pods
 * succeeded ({@code Complete}), or more than {@code backoffLimit} failures ({@code Failed},
 * {@code BackoffLimitExceeded}; active pods are deleted).
 */
final class JobController {

  private static final String COMPONENT = "job-controller";

  private final ControllerSimulator sim;
  private final Map<String, Integer> sequence = new HashMap<>();

  JobController(ControllerSimulator sim) {
    this.sim = sim;
  }

  void reconcile() {
    for (Job job : sim.jobs.list()) {
      if (job.getMetadata().getDeletionTimestamp() == null && !finished(job)) {
        sync(job);
      }
    }
  }

  static boolean finished(Job job) {
    return job.getStatus() != null && job.getStatus().getConditions().stream()
        .anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType())) && "True".equals(c.getStatus()));
  }

  private void sync(Job job) {
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return;
    }
    List<Pod> pods = sim.pods.ownedBy(job.getMetadata().getUid()).stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    int succeeded = (int) pods.stream().filter(p -> phase(p).equals("Succeeded")).count();
    int failed = (int) pods.stream().filter(p -> phase(p).equals("Failed")).count()
        + pods.stream().mapToInt(JobController::restarts).sum();
    List<Pod> active = pods.stream().filter(p -> !phase(p).equals("Succeeded") && !phase(p).equals("Failed"))
        .toList();
    int completions = Optional.ofNullable(job.getSpec().getCompletions()).orElse(1);
    int parallelism = Optional.ofNullable(job.getSpec().getParallelism()).orElse(1);
    int backoffLimit = Optional.ofNullable(job.getSpec().getBackoffLimit()).orElse(6);
    List<JobCondition> conditions = new ArrayList<>();
    String completionTime = null;
    int activeCount = active.size();
    if (failed > backoffLimit) {
      for (Pod p : active) {
        sim.delete(sim.pods, p);
      }
      activeCount = 0;
      conditions.add(condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit"));
      sim.events.warning(job, COMPONENT, "BackoffLimitExceeded", "Job has reached the specified backoff limit");
    } else if (succeeded >= completions) {
      conditions.add(condition("Complete", null, null));
      completionTime = sim.now();
      sim.events.normal(job, COMPONENT, "Completed", "Job completed");
    } else {
      int wanted = Math.min(parallelism, completions - succeeded);
      for (int i = activeCount; i < wanted; i++) {
        String name = nextName(job);
        sim.create(sim.pods, newPod(job, name));
        activeCount++;
        sim.events.normal(job, COMPONENT, "SuccessfulCreate", "Created pod: " + name);
      }
    }
    int ready = (int) active.stream().filter(Kubelet::isReady).count();
    JobStatus status = new JobStatusBuilder()
        .withStartTime(job.getStatus() != null && job.getStatus().getStartTime() != null
            ? job.getStatus().getStartTime() : sim.now())
        .withActive(activeCount == 0 ? null : activeCount).withSucceeded(succeeded == 0 ? null : succeeded)
        .withFailed(failed == 0 ? null : failed).withReady(ready).withCompletionTime(completionTime)
        .withConditions(conditions).withNewUncountedTerminatedPods().endUncountedTerminatedPods().build();
    if (!status.equals(job.getStatus())) {
      job.setStatus(status);
      sim.updateStatus(sim.jobs, job);
    }
  }

  private JobCondition condition(String type, String reason, String message) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(sim.now()).withLastTransitionTime(sim.now()).build();
  }

  private static String phase(Pod p) {
    return p.getStatus() == null || p.getStatus().getPhase() == null ? "Pending" : p.getStatus().getPhase();
  }

  private static int restarts(Pod p) {
    return p.getStatus() == null ? 0 : p.getStatus().getContainerStatuses().stream()
        .mapToInt(cs -> Optional.ofNullable(cs.getRestartCount()).orElse(0)).sum();
  }

  private String nextName(Job job) {
    String base = job.getMetadata().getName();
    while (true) {
      int n = sequence.merge(job.getMetadata().getUid(), 1, Integer::sum) - 1;
      String name = base + "-" + Hashes.suffix(base + "#" + n);
      if (sim.pods.get(job.getMetadata().getNamespace(), name).isEmpty()) {
        return name;
      }
    }
  }

  private static Pod newPod(Job job, String name) {
    var template = job.getSpec().getTemplate();
    Map<String, String> labels = new HashMap<>(template.getMetadata() == null || template.getMetadata().getLabels()
        == null ? Map.of() : template.getMetadata().getLabels());
    labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
    labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
    labels.put("controller-uid", job.getMetadata().getUid());
    labels.put("job-name", job.getMetadata().getName());
    return new PodBuilder().withNewMetadata().withName(name).withGenerateName(job.getMetadata().getName() + "-")
        .withNamespace(job.getMetadata().getNamespace()).withLabels(labels)
        .withAnnotations(template.getMetadata() == null ? null : template.getMetadata().getAnnotations())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
            .withName(job.getMetadata().getName()).withUid(job.getMetadata().getUid()).withController(true)
            .withBlockOwnerDeletion(true).build())
        .endMetadata().withSpec(template.getSpec()).build();
  }
}
