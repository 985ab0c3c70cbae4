package dev.blame.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blame.api.Blame;
import dev.blame.api.BlameException;
import dev.blame.api.GroupKind;
import dev.blame.api.ObjectRef;
import dev.blame.testkit.WaitingContainersAnalyzer;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** API faults on the initial LIST: transient ones are retried, lasting ones end in a typed exception naming the request. */
@EnableKubernetesMockClient(crud = true)
@Timeout(60)
class ApiFaultTest {

  static final String PODS = "/api/v1/namespaces/demo/pods?limit=500";

  KubernetesMockServer server;
  KubernetesClient client;

  private Blame blame(Duration timeout) {
    return BlameEngine.builder().client(client).namespace("demo").discoverAnalyzers(false)
        .addAnalyzer(new WaitingContainersAnalyzer()).requestTimeout(timeout).build();
  }

  private void createPod() {
    client.pods().inNamespace("demo").resource(new PodBuilder().withNewMetadata().withName("p").endMetadata()
        .build()).create();
  }

  @Test
  void transientServerErrorsAreRetried() {
    createPod();
    server.expect().get().withPath(PODS).andReturn(503, status(503, "ServiceUnavailable")).times(2);
    try (Blame blame = blame(Duration.ofSeconds(20))) {
      assertThat(blame.node(ObjectRef.of(GroupKind.POD, "demo", "p"))).isPresent();
    }
    assertThat(listsOfPods()).as("two refused LISTs, then one that succeeded").isEqualTo(3);
  }

  @Test
  void tooManyRequestsIsRetried() {
    createPod();
    server.expect().get().withPath(PODS).andReply(429, r -> status(429, "TooManyRequests"))
        .withHeader("Retry-After", "1").once();
    try (Blame blame = blame(Duration.ofSeconds(20))) {
      assertThat(blame.node(ObjectRef.of(GroupKind.POD, "demo", "p"))).isPresent();
    }
    assertThat(listsOfPods()).as("one throttled LIST, then one that succeeded").isEqualTo(2);
  }

  @Test
  void aLastingServerErrorEndsInATypedExceptionNamingTheRequest() {
    server.expect().get().withPath(PODS).andReturn(500, status(500, "InternalError")).always();
    long start = System.nanoTime();
    // Nothing is listed until a query needs it: the first query about a pod fails, naming the request.
    assertThatThrownBy(() -> {
      try (Blame blame = blame(Duration.ofSeconds(5))) {
        blame.node(ObjectRef.of(GroupKind.POD, "demo", "p"));
      }
    })
        .isInstanceOf(BlameException.class)
        .satisfies(e -> assertThat(((BlameException) e).kind()).isIn(BlameException.Kind.UNREACHABLE,
            BlameException.Kind.TIMEOUT))
        .hasMessageContaining("LIST+WATCH pods")
        .hasMessageContaining("in namespace demo");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void aSlowServerEndsInATimeoutNamingTheRequestWithinTheCallersDeadline() {
    server.expect().get().delay(30, java.util.concurrent.TimeUnit.SECONDS).withPath(PODS)
        .andReturn(200, new io.fabric8.kubernetes.api.model.PodListBuilder().build()).always();
    long start = System.nanoTime();
    // Nothing is listed until a query needs it: the first query about a pod fails, naming the request.
    assertThatThrownBy(() -> {
      try (Blame blame = blame(Duration.ofSeconds(2))) {
        blame.node(ObjectRef.of(GroupKind.POD, "demo", "p"));
      }
    })
        .isInstanceOf(BlameException.class)
        .satisfies(e -> assertThat(((BlameException) e).kind()).isEqualTo(BlameException.Kind.TIMEOUT))
        .hasMessageContaining("LIST+WATCH pods")
        .hasMessageContaining("no answer within PT2S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  /**
   * What the server says is its text: a Status message reaches the exception's message, which its Javadoc promises
   * is one line, and every caller prints or logs it. Before, a 400's message went in raw: an OSC 52
   * clipboard write, a line starting {@code ::error::} and a bidi override in any caller's log.
   */
  @Test
  void theServersMessageInAFailureIsOneLineWithoutControls() {
    int code = 400;
    String hostile = "denied\u001b]52;c;SGk=\u0007\n::error::forged\u202eexe.gnp\u009b2J";
    server.expect().get().withPath(PODS).andReturn(code, new StatusBuilder().withCode(code).withReason("X")
        .withMessage(hostile).build()).always();
    assertThatThrownBy(() -> {
      try (Blame blame = blame(Duration.ofSeconds(5))) {
        blame.list(GroupKind.POD, "demo");
      }
    })
        .isInstanceOf(BlameException.class)
        .satisfies(e -> assertThat(e.getMessage())
            .contains("LIST+WATCH pods", "denied\\u001b]52;c;SGk=\\u0007\\n::error::forged\\u202eexe.gnp")
            .doesNotContain("\n")
            .matches(m -> m.codePoints().noneMatch(dev.blame.api.Escape::isUnsafe), "holds no unsafe code point"));
  }

  private int listsOfPods() {
    int lists = 0;
    try {
      io.fabric8.mockwebserver.http.RecordedRequest request;
      while ((request = server.takeRequest(50, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
        if (PODS.equals(request.getPath())) {
          lists++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return lists;
  }

  private static io.fabric8.kubernetes.api.model.Status status(int code, String reason) {
    return new StatusBuilder().withCode(code).withReason(reason).withMessage(reason).build();
  }
}
