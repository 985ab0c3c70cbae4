package dev.blame.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable names and hashes, shaped like the ones Kubernetes controllers produce. */
final class Hashes {

  /** k8s.io/apimachinery/pkg/util/rand: consonants and digits that cannot spell words. */
  static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  @SuppressWarnings("deprecation") // the mock server itself works with this mapper
  private static final ObjectMapper CANONICAL =
      Serialization.jsonMapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Hashes() {
  }

  static int fnv32a(String s) {
    int hash = 0x811c9dc5;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x01000193;
    }
    return hash;
  }

  static long fnv64a(String s) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      hash ^= (b & 0xff);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  /** Like rand.SafeEncodeString: maps every character onto {@link #ALPHABET}. */
  static String safeEncode(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(ALPHABET.charAt(c % ALPHABET.length()));
    }
    return b.toString();
  }

  /**
   * The hash of an object's canonical JSON (map keys sorted), encoded like the deployment controller's
   * {@code pod-template-hash}: fnv32a, printed in decimal, safe-encoded. Values equal to their API default are
   * left out ({@link Defaults#strip}), so a template hashes the same before and after defaulting: a rollback to
   * it (kubectl rollout undo, or re-applying the old manifest) finds the old ReplicaSet again.
   */
  static String templateHash(Object template) {
    try {
      Object plain = CANONICAL.convertValue(Defaults.strip(CANONICAL.valueToTree(template)), Object.class);
      return safeEncode(Integer.toUnsignedString(fnv32a(CANONICAL.writeValueAsString(plain))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot hash " + template, e);
    }
  }

  /** Five "random-looking" characters that depend only on {@code seed}. */
  static String suffix(String seed) {
    long h = fnv64a(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append(ALPHABET.charAt((int) Long.remainderUnsigned(h >>> (i * 11), ALPHABET.length())));
    }
    return b.toString();
  }

  static String sha256Hex(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
