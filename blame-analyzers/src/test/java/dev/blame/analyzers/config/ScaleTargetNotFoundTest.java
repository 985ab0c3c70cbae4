package dev.blame.analyzers.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.ObjectRef;
import org.junit.jupiter.api.Test;

/**
 * The HPA controller's {@code FailedGetScale} message names its own target only when the scale subresource's resource
 * is the target kind's plural and the name is the target's (messages of the registry's scale storage,
 * pkg/registry/apps/deployment/storage {@code ScaleREST.Get}).
 */
class ScaleTargetNotFoundTest {

  private static final String PREFIX = "the HPA controller was unable to get the target's current scale: ";

  @Test
  void namesTheTargetByItsPlural() {
    ObjectRef web = ObjectRef.of("apps/v1", "Deployment", "shop", "web");
    assertThat(ScaleTarget.scaleNotFound(PREFIX + "deployments/scale.apps \"web\" not found", web))
        .isTrue();
    assertThat(ScaleTarget.scaleNotFound(PREFIX + "deployments/scale.apps \"api\" not found", web))
        .as("another name").isFalse();
    assertThat(ScaleTarget.scaleNotFound(PREFIX + "statefulsets/scale.apps \"web\" not found", web))
        .as("another kind").isFalse();
    assertThat(ScaleTarget.scaleNotFound(
        PREFIX + "no matches for kind \"Deployment\" in group \"extensions\"", web)).as("no mapping").isFalse();
  }

  @Test
  void aKindEndingInYHasItsPluralInIes() {
    ObjectRef pool = ObjectRef.of("workers.example.com/v1", "WorkerGalaxy", "jobs", "crawl");
    assertThat(ScaleTarget.scaleNotFound(
        PREFIX + "workergalaxies/scale.workers.example.com \"crawl\" not found", pool)).isTrue();
    ObjectRef gateway = ObjectRef.of("net.example.com/v1", "EdgeGateway", "edge", "gw");
    assertThat(ScaleTarget.scaleNotFound(
        PREFIX + "edgegateways/scale.net.example.com \"gw\" not found", gateway)).isTrue();
  }
}
