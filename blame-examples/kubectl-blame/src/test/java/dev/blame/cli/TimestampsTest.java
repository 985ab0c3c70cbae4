package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.core.BlameEngine;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a dump was taken: the newest time at which something happened in it, not one that lies ahead by design. */
class TimestampsTest {

  /**
   * A cert-manager Certificate as {@code kubectl get certificate -o yaml} prints it, still valid: its {@code notAfter}
   * and {@code renewalTime} lie ahead of the capture. Taken as "now", {@code notAfter} read the Certificate as expired
   * (DEGRADED {@code Expired} under {@code status -f}); the dump was taken at its newest past time.
   */
  @Test
  void timesThatLieAheadAreNotWhenTheDumpWasTaken() {
    String cert = """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata: {name: shop-tls, namespace: shop, generation: 2, creationTimestamp: "2026-07-02T23:48:30Z"}
        spec:
          secretName: shop-tls
        status:
          conditions:
          - {type: Ready, status: "True", reason: Ready, lastTransitionTime: "2026-07-02T23:48:37Z"}
          notAfter: "2026-09-30T23:55:00Z"
          notBefore: "2026-07-02T23:55:01Z"
          renewalTime: "2026-08-31T23:55:00Z"
        """;
    assertThat(newest(cert)).isEqualTo(Instant.parse("2026-07-02T23:55:01Z"));
    assertThat(newest(cert.replace("notAfter", "issuedAt"))).isEqualTo(Instant.parse("2026-09-30T23:55:00Z"));
    String pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, creationTimestamp: "2026-07-02T10:00:00Z",
          deletionTimestamp: "2026-07-02T10:05:30Z"}
        status:
          startTime: "2026-07-02T10:00:01Z"
        """;
    assertThat(newest(pod)).isEqualTo(Instant.parse("2026-07-02T10:00:01Z"));
  }

  private static Instant newest(String yaml) {
    return Timestamps.newest(BlameEngine.readManifests("test.yaml",
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), BlameEngine.MAX_INPUT_BYTES)).orElseThrow();
  }
}
