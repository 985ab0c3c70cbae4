package dev.blame.cli;

import dev.blame.core.SecretReader;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The Kubernetes clients the background server keeps between requests, so that a request finds its connections
 * (and TLS sessions) open and its kubeconfig read, instead of a new client, kubeconfig parse and handshakes each
 * time (docs/performance.md, "pf2", "pf3"), with the reader of Secrets made for it. A client is kept under a {@link Key}: the kubeconfig files by path and
 * content, the context asked for, and the options that shape the client (request timeout, body cap). The server
 * serves one process environment only (it declines a request made in another), so what fabric8 reads from the
 * environment is the same for every request it keeps a client for.
 *
 * <p>Never shared between two identities: a changed kubeconfig (a new token, another current context or user) is
 * another key, and a changed certificate or key file the kubeconfig names drops the kept client. Credentials from an
 * exec plugin are not in the files: for such a client each request runs the plugin again (as a new client would,
 * bounded by the request timeout), and the client is kept only while the plugin gives the same credentials, so an
 * expired token, or another identity the plugin now answers with, gets a new client at once; and it is kept for
 * {@link #PLUGIN_AGE} at most.
 *
 * <p>Bounded: at most {@code max} clients, the least recently used closed first; a client unused for {@code idle}
 * is closed. {@link #NONE} keeps nothing (a run in its own process: the client is closed with its session).
 * Thread-safe.
 */
final class KeptClients implements AutoCloseable {

  /** How many clients the server keeps: a user switches between a few contexts, not dozens. */
  static final int MAX = 4;
  /** A client unused this long is closed (the server itself exits after 10 idle minutes by default). */
  static final Duration IDLE = Duration.ofMinutes(5);

  /**
   * The longest a client with a plugin's credentials is used: less than the minute after which fabric8 refreshes a
   * token before a request by running the plugin on the request's thread, unbounded ({@link BoundedTokenRefresh}
   * bounds only the refresh after a 401). A newer client ran the plugin, bounded, when it was made.
   */
  static final Duration PLUGIN_AGE = Duration.ofSeconds(50);

  /** Keeps nothing: each lease makes a client and closing the lease closes it. */
  static final KeptClients NONE = new KeptClients(0, IDLE, System::nanoTime);

  /** The background server's, for the life of its process. */
  static final KeptClients SERVER = new KeptClients(MAX, IDLE, System::nanoTime);

  /** How a client for a key is made. */
  interface Connector {
    /** Reads the kubeconfig (running its exec plugin, if it has one), checked; throws as the CLI reports it. */
    Config load();

    /** A client on this configuration. */
    KubernetesClient build(Config config);

    /** The reader of Secrets for a client it built, kept and closed with that client. */
    SecretReader secrets(KubernetesClient client);

    /** Whether this configuration's credentials come from an exec plugin (then each lease runs it again). */
    boolean fromPlugin(Config config);

    /** The key of the kubeconfig files as they are now (read again after {@link #load}: they may have changed). */
    Optional<Key> key();
  }

  /**
   * What makes two clients different: the kubeconfig files (their paths, and the SHA-256 of each one's content, or
   * {@code -} when absent), the context asked for (null: the current one), the request timeout and the body cap.
   */
  record Key(List<String> paths, List<String> digests, String context, int timeoutMillis, long cap) {

    /** The key, or empty when no kubeconfig file exists (in-cluster credentials: not kept). */
    static Optional<Key> of(List<Path> files, String context, int timeoutMillis, long cap) {
      List<String> paths = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      for (Path file : files) {
        paths.add(file.toAbsolutePath().toString());
        digests.add(digest(file));
      }
      return digests.stream().allMatch(ABSENT::equals) ? Optional.empty()
          : Optional.of(new Key(List.copyOf(paths), List.copyOf(digests), context, timeoutMillis, cap));
    }

    /** The same files, context and options, whatever the files now hold: a client of this key supersedes it. */
    boolean sameSlot(Key other) {
      return paths.equals(other.paths) && Objects.equals(context, other.context)
          && timeoutMillis == other.timeoutMillis && cap == other.cap;
    }
  }

  /** A client in use; closing it gives it back (or closes it, when it is not kept). */
  static final class Lease implements AutoCloseable {
    private final KeptClients owner;
    private final Entry entry;
    private boolean closed;

    private Lease(KeptClients owner, Entry entry) {
      this.owner = owner;
      this.entry = entry;
    }

    /** A lease of a client the caller made (the demo's): closing the lease closes the client. */
    static Lease owned(KubernetesClient client) {
      Entry entry = new Entry(null, client, null, client.getConfiguration(), false, "", "");
      entry.dropped = true;
      entry.leases = 1;
      return new Lease(NONE, entry);
    }

    KubernetesClient client() {
      return entry.client;
    }

    Config config() {
      return entry.config;
    }

    /** The reader of Secrets kept with the client, when there is one. */
    Optional<SecretReader> secrets() {
      return Optional.ofNullable(entry.secrets);
    }

    @Override
    public void close() {
      synchronized (owner) {
        if (closed) {
          return;
        }
        closed = true;
        owner.release(entry);
      }
    }
  }

  private static final class Entry {
    final Key key;
    final KubernetesClient client;
    /** The reader of Secrets made for {@link #client}, kept and closed with it; null when the caller made the client. */
    final SecretReader secrets;
    final Config config;
    final boolean fromPlugin;
    /** The digests of the files the configuration names (certificate authority, client certificate and key). */
    final String files;
    /** The digest of the credentials, for a client whose credentials come from a plugin. */
    final String credentials;
    long madeAt;
    long lastUsed;
    int leases;
    boolean dropped;

    Entry(Key key, KubernetesClient client, SecretReader secrets, Config config, boolean fromPlugin, String files,
        String credentials) {
      this.key = key;
      this.client = client;
      this.secrets = secrets;
      this.config = config;
      this.fromPlugin = fromPlugin;
      this.files = files;
      this.credentials = credentials;
    }

    void close() {
      try {
        if (secrets != null) {
          secrets.close();
        }
      } finally {
        client.close();
      }
    }
  }

  private static final String ABSENT = "-";

  private final int max;
  private final Duration idle;
  private final LongSupplier nanos;
  /** In order of last use, the least recent first. */
  private final LinkedHashMap<Key, Entry> kept = new LinkedHashMap<>(8, 0.75f, true);
  /** The keys whose client a lease is making now, outside the lock: done when it is kept (or failed). */
  private final Map<Key, CompletableFuture<Void>> making = new HashMap<>();
  private ScheduledExecutorService sweeper;
  private int made;
  private boolean closed;

  KeptClients(int max, Duration idle, LongSupplier nanos) {
    this.max = max;
    this.idle = idle;
    this.nanos = nanos;
  }

  /**
   * The kept client for the key when it is still good for it, else a new one from the connector (kept, when the
   * key is present and the files still have it after they were read). Close the lease when done with the client.
   *
   * <p>The connector runs outside this object's lock (its exec plugin may take up to the request timeout): a slow
   * plugin holds up only the leases of its own key, which wait for the client being made for it instead of making a
   * second one; a lease of a kept client whose credentials come from a plugin runs the plugin, unshared, and then
   * takes the kept client if the plugin gave the same credentials.
   */
  Lease lease(Optional<Key> key, Connector connector) {
    Config fresh = null;
    while (true) {
      CompletableFuture<Void> other;
      CompletableFuture<Void> mine = null;
      Entry entry;
      synchronized (this) {
        evictIdle();
        entry = key.map(kept::get).map(this::stillGood).orElse(null);
        if (entry != null && (!entry.fromPlugin || fresh != null && credentials(fresh).equals(entry.credentials))) {
          return leased(entry);
        }
        if (entry != null && fresh != null) {
          // The plugin now answers with other credentials (renewed, or another identity).
          drop(entry);
          entry = null;
        }
        other = key.map(making::get).orElse(null);
        if (other == null && entry == null) {
          mine = new CompletableFuture<>();
          if (key.isPresent()) {
            making.put(key.get(), mine);
          }
        }
      }
      if (other != null) {
        // Another lease is making this key's client: take it once made (or make one, if that failed).
        other.join();
      } else if (entry != null) {
        fresh = connector.load();
      } else {
        return make(key, connector, fresh, mine);
      }
    }
  }

  /** Makes a client, outside the lock; {@code mine} tells the leases waiting for this key that it is done. */
  private Lease make(Optional<Key> key, Connector connector, Config fresh, CompletableFuture<Void> mine) {
    try {
      Config config = fresh != null ? fresh : connector.load();
      boolean fromPlugin = connector.fromPlugin(config);
      String files = namedFiles(config);
      KubernetesClient client = connector.build(config);
      Entry entry = new Entry(key.orElse(null), client, connector.secrets(client), config, fromPlugin, files,
          fromPlugin ? credentials(config) : "");
      // The files changed while they were read: this client is not the key's; used once, then closed.
      boolean ours = key.isEmpty() || key.equals(connector.key());
      synchronized (this) {
        entry.madeAt = nanos.getAsLong();
        made++;
        if (ours && !closed) {
          keep(entry);
        } else {
          entry.dropped = true;
        }
        return leased(entry);
      }
    } finally {
      synchronized (this) {
        key.ifPresent(k -> making.remove(k, mine));
      }
      mine.complete(null);
    }
  }

  /** The kept entry, or null (and dropped) when a file it names changed or its plugin's credentials are too old. */
  private Entry stillGood(Entry entry) {
    if (!entry.files.equals(namedFiles(entry.config))
        || entry.fromPlugin && nanos.getAsLong() - entry.madeAt >= PLUGIN_AGE.toNanos()) {
      drop(entry);
      return null;
    }
    return entry;
  }

  private Lease leased(Entry entry) {
    entry.leases++;
    entry.lastUsed = nanos.getAsLong();
    return new Lease(this, entry);
  }

  private void keep(Entry entry) {
    if (entry.key == null || max == 0) {
      entry.dropped = true;
      return;
    }
    if (kept.size() >= max && kept.values().stream().noneMatch(e -> e.key.sameSlot(entry.key))) {
      Optional<Entry> unused = kept.values().stream().filter(e -> e.leases == 0).findFirst();
      if (unused.isEmpty()) {
        entry.dropped = true;
        return;
      }
      drop(unused.get());
    }
    // A client for files that have changed since is not used again.
    for (Entry superseded : List.copyOf(kept.values())) {
      if (superseded.key.sameSlot(entry.key)) {
        drop(superseded);
      }
    }
    kept.put(entry.key, entry);
    startSweeper();
  }

  private void release(Entry entry) {
    entry.leases--;
    entry.lastUsed = nanos.getAsLong();
    if (entry.dropped && entry.leases == 0) {
      entry.close();
    }
  }

  /** No longer kept; closed now, or when its last lease is closed. */
  private void drop(Entry entry) {
    if (entry.key != null && kept.get(entry.key) == entry) {
      kept.remove(entry.key);
    }
    entry.dropped = true;
    if (entry.leases == 0) {
      entry.close();
    }
  }

  /** Closes the clients unused for {@code idle}. */
  synchronized void evictIdle() {
    long now = nanos.getAsLong();
    for (Entry entry : List.copyOf(kept.values())) {
      if (entry.leases == 0 && now - entry.lastUsed >= idle.toNanos()) {
        drop(entry);
      }
    }
  }

  private void startSweeper() {
    if (sweeper == null && this != NONE) {
      sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kubectl-blame-client-sweeper");
        thread.setDaemon(true);
        return thread;
      });
      long period = Math.max(1, Math.min(idle.toSeconds(), 30));
      sweeper.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.SECONDS);
    }
  }

  /** How many clients are kept now. */
  synchronized int size() {
    return kept.size();
  }

  /** How many clients were made so far (kept or not). */
  synchronized int made() {
    return made;
  }

  @Override
  public synchronized void close() {
    closed = true;
    for (Entry entry : List.copyOf(kept.values())) {
      drop(entry);
    }
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
  }

  /** The digests of the files a configuration names for TLS: a renewed certificate or key is a new client. */
  private static String namedFiles(Config config) {
    StringBuilder digests = new StringBuilder();
    for (String file : Arrays.asList(config.getCaCertFile(), config.getClientCertFile(), config.getClientKeyFile())) {
      digests.append(file == null || file.isEmpty() ? ABSENT : digest(Path.of(file))).append(';');
    }
    return digests.toString();
  }

  /** A digest of what a configuration authenticates with, to tell whether a plugin answered with other credentials. */
  static String credentials(Config config) {
    MessageDigest sha = sha256();
    for (String part : Arrays.asList(config.getMasterUrl(), config.getOauthToken(), config.getAutoOAuthToken(),
        config.getClientCertData(), config.getClientKeyData(), config.getClientCertFile(), config.getClientKeyFile(),
        config.getUsername(), config.getPassword(), config.getCaCertData(), config.getCaCertFile())) {
      sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The SHA-256 of a file's content, or {@code -} when it cannot be read. */
  static String digest(Path file) {
    if (!Files.isRegularFile(file)) {
      return ABSENT;
    }
    MessageDigest sha = sha256();
    byte[] buffer = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      return ABSENT;
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For tests: the kept clients by key. */
  synchronized Map<Key, KubernetesClient> kept() {
    Map<Key, KubernetesClient> clients = new LinkedHashMap<>();
    kept.forEach((key, entry) -> clients.put(key, entry.client));
    return clients;
  }
}
