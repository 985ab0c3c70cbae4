package dev.blame.examples.josdk;

import dev.blame.core.Feed;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;

/**
 * Java Operator SDK's {@link InformerEventSource} that also hands what its informer sees to a blame {@link Feed}:
 * the operator's one LIST+WATCH of the kind serves both. Java Operator SDK keeps its informers to itself, but the
 * event source is the informer's event handler, so a subclass sees every add, update and delete; the feed's
 * snapshot is the event source's cache ({@link #cached()}).
 *
 * <pre>{@code
 * Feed<Deployment> deployments = Feed.of(Deployment.class, () -> source.cached());
 * Blame blame = BlameEngine.builder().client(client).namespace(ns).feed(deployments).build();
 * source = new FeedingInformerEventSource<>(configuration, context, deployments);
 * }</pre>
 *
 * <p>The feed is told first, so that a reconcile the event triggers finds the change in blame's graph; the event
 * source is told even when the feed fails.
 *
 * @param <R> the watched kind
 * @param <P> the primary resource
 */
public class FeedingInformerEventSource<R extends HasMetadata, P extends HasMetadata> extends InformerEventSource<R, P> {

  private final Feed<R> feed;

  public FeedingInformerEventSource(InformerEventSourceConfiguration<R> configuration, EventSourceContext<P> context,
      Feed<R> feed) {
    super(configuration, context);
    this.feed = Objects.requireNonNull(feed, "feed");
  }

  /** Every object the event source's cache holds now. */
  public List<R> cached() {
    return list(object -> true).toList();
  }

  @Override
  public void onAdd(R resource) {
    try {
      feed.onAdd(resource);
    } finally {
      super.onAdd(resource);
    }
  }

  @Override
  public void onUpdate(R before, R after) {
    try {
      feed.onUpdate(before, after);
    } finally {
      super.onUpdate(before, after);
    }
  }

  @Override
  public void onDelete(R resource, boolean deletedFinalStateUnknown) {
    try {
      feed.onDelete(resource, deletedFinalStateUnknown);
    } finally {
      super.onDelete(resource, deletedFinalStateUnknown);
    }
  }
}
