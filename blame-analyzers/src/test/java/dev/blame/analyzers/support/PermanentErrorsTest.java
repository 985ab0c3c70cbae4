package dev.blame.analyzers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The permanent-error table against messages captured in public issue threads
 * (src/test/resources/permanent-errors/messages.tsv records each one's source): each permanent one in its class,
 * each transient one (rate limits, timeouts, DNS servers misbehaving) not permanent.
 */
class PermanentErrorsTest {

  record Case(String expected, String message, String source) {}

  static List<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream in = PermanentErrorsTest.class.getResourceAsStream("/permanent-errors/messages.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        cases.add(new Case(parts[0], parts[1], parts[2]));
      }
    }
    return cases;
  }

  @TestFactory
  List<DynamicTest> realMessagesFallInTheirClass() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : cases()) {
      tests.add(DynamicTest.dynamicTest(c.expected() + ": " + c.source(), () -> {
        Optional<PermanentErrors.Kind> kind = PermanentErrors.classify(c.message());
        switch (c.expected()) {
          case "TRANSIENT" -> {
            assertThat(kind).as(c.message()).isEmpty();
            assertThat(PermanentErrors.transientKind(c.message())).as(c.message()).isPresent();
          }
          case "NONE" -> {
            assertThat(kind).as(c.message()).isEmpty();
            assertThat(PermanentErrors.transientKind(c.message())).as(c.message()).isEmpty();
          }
          default -> assertThat(kind.map(PermanentErrors.Kind::name)).as(c.message()).contains(c.expected());
        }
        assertThat(WarningEvents.deterministic(c.message())).isEqualTo(kind.isPresent());
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests;
  }

  @Test
  void theCapturedMessagesCoverTheMainClasses() throws IOException {
    List<String> covered = cases().stream().map(Case::expected).toList();
    assertThat(covered).contains("gRPC NotFound", "registry 401 / 403", "EACCES (exec)", "ENOEXEC", "DNS NXDOMAIN",
        "admission denied", "TRANSIENT", "NONE");
  }

  @Test
  void shapesOfTheOtherClasses() {
    // Messages as kubernetes/kubernetes and containerd format them (source strings, not captures).
    assertThat(PermanentErrors.classify("rpc error: code = InvalidArgument desc = failed to create containerd"
        + " container: invalid mount").map(PermanentErrors.Kind::name)).contains("gRPC InvalidArgument");
    assertThat(PermanentErrors.classify("rpc error: code = PermissionDenied desc = denied")
        .map(PermanentErrors.Kind::name)).contains("gRPC PermissionDenied");
    assertThat(PermanentErrors.classify("Failed to pull image \"nginx:1.25 \": couldn't parse image reference"
        + " \"nginx:1.25 \": invalid reference format").map(PermanentErrors.Kind::name))
        .contains("invalid image reference");
    assertThat(PermanentErrors.classify("MountVolume.SetUp failed for volume \"data\" : hostPath type check failed:"
        + " /srv/data is not a directory").map(PermanentErrors.Kind::name)).contains("ENOTDIR / hostPath type");
    assertThat(PermanentErrors.classify("failed to provision volume with StorageClass \"fast\": storageclass.storage"
        + ".k8s.io \"fast\" not found").map(PermanentErrors.Kind::name)).contains("storage class");
    assertThat(PermanentErrors.classify("Error: failed to create containerd container: mkdir /var/lib/kubelet/pods/"
        + "0d7f/volume-subpaths/data/app/0: permission denied").map(PermanentErrors.Kind::name))
        .contains("EACCES (path)");
    assertThat(PermanentErrors.classify("lstat /mnt/data: permission denied; dial tcp 10.0.0.1:6789: i/o timeout"))
        .isEmpty();
    assertThat(PermanentErrors.classify("rpc error: code = Unavailable desc = connection error")).isEmpty();
    assertThat(PermanentErrors.classify("Back-off restarting failed container")).isEmpty();
    assertThat(PermanentErrors.classify(null)).isEmpty();
  }
}
