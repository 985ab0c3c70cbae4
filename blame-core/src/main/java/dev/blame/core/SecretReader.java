package dev.blame.core;

import dev.blame.core.internal.SecretMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The client blame-core reads Secrets with, as metadata only: a fabric8 client of its own, made from the caller's
 * client's configuration on first use, with the {@link HttpLimits} (the response cap, the bounded token refresh)
 * and a mapper that never reads a Secret's values. A {@link dev.blame.api.Blame} built without one makes its own
 * and closes it with itself: one more connection (and TLS handshake) per Blame that lists Secrets.
 *
 * <p>A caller that builds many Blames on one client it keeps (a server answering requests) makes one reader for
 * that client, gives it to each builder ({@link BlameEngine.Builder#secretReader}) and closes it when it stops using
 * the client: the reader's connection is then kept as the client's are. A reader serves only the client it was made
 * for (the builder refuses it with any other), so it never carries one identity's requests for another; a token
 * the client's configuration renews is the reader's too, as it shares that configuration.
 *
 * <p>Thread-safe. Closing it closes its client, if one was made; a Blame still using it fails its next Secret read.
 */
public final class SecretReader implements AutoCloseable {

  private final SecretMetadata metadata;

  private SecretReader(SecretMetadata metadata) {
    this.metadata = metadata;
  }

  /**
   * A reader for {@code client}, its responses capped at {@code maxResponseBytes} and a token refresh after a 401
   * bounded by {@code timeout}, as {@link BlameEngine.Builder#maxResponseBytes} and
   * {@link BlameEngine.Builder#requestTimeout} would have it. Makes no client and no connection yet.
   */
  public static SecretReader of(KubernetesClient client, long maxResponseBytes, Duration timeout) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(timeout, "timeout");
    if (maxResponseBytes <= 0) {
      throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
    }
    return new SecretReader(new SecretMetadata(client, maxResponseBytes, timeout));
  }

  SecretMetadata metadata() {
    return metadata;
  }

  @Override
  public void close() {
    metadata.close();
  }
}
