package dev.blame.examples.rollout;

import dev.blame.api.Blame;
import dev.blame.api.ObjectRef;
import dev.blame.api.Tolerance;
import dev.blame.api.WaitListener;
import dev.blame.api.WaitResult;
import dev.blame.core.BlameEngine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a deploy tool does with the library: apply, then wait.
 *
 * <pre>{@code
 * try (DeployTool deploy = new DeployTool(client, "shop", Tolerance.defaults())) {
 *   WaitResult result = deploy.apply(Path.of("k8s/web.yaml")).await(Duration.ofMinutes(5), states -> {});
 *   if (result.outcome() != WaitOutcome.COMPLETE) { ... result.culprits(), result.revisionDiffs() ... }
 * }
 * }</pre>
 *
 * <p>The {@link Blame} is built (and its watches started) <em>before</em> the apply, so no status update after
 * the apply can be missed; the objects the apply returned are handed to
 * {@link dev.blame.api.RolloutWait#applied}, so the old objects' stale "Ready" cannot end the wait early.
 *
 * <p>Not thread-safe: one deploy at a time. The client stays the caller's.
 */
public final class DeployTool implements AutoCloseable {

  private final KubernetesClient client;
  private final String namespace;
  private final Blame blame;

  public DeployTool(KubernetesClient client, String namespace, Tolerance tolerance) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.blame = BlameEngine.builder().client(client).namespace(namespace).tolerance(tolerance).build();
  }

  /** One apply: what was sent and what the API server returned. */
  public final class Applied {
    private final List<HasMetadata> objects;

    private Applied(List<HasMetadata> objects) {
      this.objects = List.copyOf(objects);
    }

    /** The objects as the API server returned them (uid, generation). */
    public List<HasMetadata> objects() {
      return objects;
    }

    public List<ObjectRef> refs() {
      return BlameEngine.refsOf(namespace, objects);
    }

    /** Waits until every applied object is rolled out, one is doomed, or {@code timeout} passes. */
    public WaitResult await(Duration timeout, WaitListener progress) {
      return blame.waitFor(refs()).applied(objects).timeout(timeout).onProgress(progress).await();
    }
  }

  /**
   * Creates or replaces every object in these manifest files, in file order, in this tool's namespace unless
   * an object names its own.
   *
   * @throws IOException when a file cannot be read
   * @throws io.fabric8.kubernetes.client.KubernetesClientException when the API server refuses an object
   */
  public Applied apply(Path... manifests) throws IOException {
    List<HasMetadata> applied = new ArrayList<>();
    for (Path file : manifests) {
      try (InputStream in = Files.newInputStream(file)) {
        for (HasMetadata item : client.load(in).items()) {
          applied.add(apply(item));
        }
      }
    }
    return new Applied(applied);
  }

  /** Creates or replaces objects already in memory. */
  public Applied apply(List<? extends HasMetadata> objects) {
    List<HasMetadata> applied = new ArrayList<>();
    for (HasMetadata item : objects) {
      applied.add(apply(item));
    }
    return new Applied(applied);
  }

  private HasMetadata apply(HasMetadata item) {
    String ns = item.getMetadata().getNamespace() != null ? item.getMetadata().getNamespace() : namespace;
    // create-or-replace: a PUT without resourceVersion replaces whatever is there (fabric8 fetches the latest).
    item.getMetadata().setResourceVersion(null);
    boolean clusterScoped = !(item instanceof Namespaced) && !(item instanceof GenericKubernetesResource);
    return clusterScoped ? client.resource(item).createOr(NonDeletingOperation::update)
        : client.resource(item).inNamespace(ns).createOr(NonDeletingOperation::update);
  }

  /** The library's view of the cluster, for explaining further. */
  public Blame blame() {
    return blame;
  }

  @Override
  public void close() {
    blame.close();
  }
}
