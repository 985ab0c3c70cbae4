package dev.blame.core;

import dev.blame.api.Blame;
import dev.blame.api.spi.Analyzer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;

/**
 * The one entry point of blame-core: builds a {@link Blame} over a set of manifests (offline) or a live
 * cluster. (Signature fixed; implementation in progress.)
 */
public final class BlameEngine {

  private BlameEngine() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link Blame}. Not thread-safe; build once. */
  public static final class Builder {
    public Builder clock(Clock clock) { throw new UnsupportedOperationException(); }
    public Builder addAnalyzer(Analyzer analyzer) { throw new UnsupportedOperationException(); }
    public Builder discoverAnalyzers(boolean discover) { throw new UnsupportedOperationException(); }
    public Builder classLoader(ClassLoader loader) { throw new UnsupportedOperationException(); }
    public Builder manifests(Path... paths) { throw new UnsupportedOperationException(); }
    public Builder manifests(String sourceName, String content) { throw new UnsupportedOperationException(); }
    public Builder objects(Collection<? extends HasMetadata> objects) { throw new UnsupportedOperationException(); }
    public Builder client(KubernetesClient client) { throw new UnsupportedOperationException(); }
    public Builder namespace(String namespace) { throw new UnsupportedOperationException(); }
    public Builder allNamespaces() { throw new UnsupportedOperationException(); }
    public Blame build() { throw new UnsupportedOperationException(); }
  }
}
