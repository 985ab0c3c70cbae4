package dev.blame.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.BlameException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * What a network failure means quotes the host and the server of the kubeconfig (file text, hostile until encoded):
 * every way it reaches stderr is one line without control sequences.
 */
class ErrorsTest {

  static final String HOST = "api\u001b]8;;http://evil\u0007.example\n::error::forged\u202e";

  @Test
  void aHostileHostOrServerIsEncodedOnEveryPath() {
    BlameException unreachable = new BlameException(BlameException.Kind.UNREACHABLE, "LIST pods failed",
        new UnknownHostException(HOST));
    SSLHandshakeException tls = new SSLHandshakeException("No name matching " + HOST + " found");
    for (String line : new String[] {Errors.describe(unreachable), Errors.meaning(tls).orElseThrow(),
        Errors.connection(new IllegalStateException("x"), "https://" + HOST + "/"), Errors.connection(tls, HOST)}) {
      assertThat(line).as(line).doesNotContain("\u001b", "\u0007", "\n", "\u202e")
          .contains("api\\u001b]8;;http://evil\\u0007.example", "::error::forged\\u202e");
    }
  }
}
