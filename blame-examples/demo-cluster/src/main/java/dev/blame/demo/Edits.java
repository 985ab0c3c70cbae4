package dev.blame.demo;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.function.UnaryOperator;

/**
 * Read-modify-write with optimistic locking, as client-go's {@code retry.RetryOnConflict} does it. fabric8's
 * {@code edit()} sends a JSON patch that sets {@code metadata.resourceVersion} to the version it read, which the API
 * server (and the demo cluster) makes a precondition: a controller writing the object meanwhile makes it a 409
 * {@code Conflict}. This reads the object again and re-applies the change, a few times.
 */
public final class Edits {

  /** client-go's {@code retry.DefaultRetry} makes 5 attempts; the simulator writes every 100 ms, so allow more. */
  private static final int ATTEMPTS = 10;

  private Edits() {
  }

  /**
   * Applies {@code change} to the current object and patches it, reading it again after a 409 Conflict.
   *
   * @throws KubernetesClientException the last conflict after {@value #ATTEMPTS} attempts, or any other error
   */
  public static <T extends HasMetadata> T retryingOnConflict(Resource<T> resource, UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return resource.edit(change);
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
