package dev.blame.analyzers.custom;

import dev.blame.api.Health;
import dev.blame.api.spi.Unstructured;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The state of a routing peer's session, kept in the status entry of each peer: the states of the BGP finite state
 * machine (RFC 4271, section 8.2.2: Idle, Connect, Active, OpenSent, OpenConfirm, Established). Only an Established
 * session exchanges routes. Idle (after an error, or a start refused) and Active (the TCP connection failed and the
 * speaker keeps retrying) are sessions down: DEGRADED, the peer's routes are missing. Connect, OpenSent and OpenConfirm
 * are a session being set up: PROGRESSING. Established is the healthy word it already is ({@link StatusWords}).
 * Calico's {@code CalicoNodeStatus} keeps BIRD's states so ({@code status.bgp.peersV4[].state}); Cilium's
 * {@code CiliumBGPNodeConfig} keeps GoBGP's ({@code status.bgpInstances[].peers[].peeringState}). The word
 * {@code Active} means the opposite elsewhere (a healthy state), so it is read this way only in an entry that names
 * its peer ({@code peerIP}, {@code peerAddress}, {@code peerASN}) and in a field named {@code state} or
 * {@code <peering|session|bgp>State}, or in a field that names BGP itself ({@code bgpState}, {@code bgpStatus})
 * beside a bare {@code peer}: FRR-K8s (MetalLB's FRR mode) writes one BGPSessionState per session, FRR's state of the
 * neighbour in {@code status.bgpStatus} beside {@code status.peer}. A bare {@code peer} beside an unqualified
 * {@code state} or {@code status} may be any peering (a network peering is {@code active} when up) and is not read.
 */
final class PeeringSessions {

  private static final Pattern PEER_FIELD = Pattern.compile("(?i)peer(ip|address|addr|asn|as)");
  private static final Pattern STATE_FIELD = Pattern.compile("(?i)(peering|session|bgp)?state");
  /** A field naming the BGP session itself: its words need only a peer beside them, however named. */
  private static final Pattern BGP_FIELD = Pattern.compile("(?i)bgp(state|status)");
  private static final Pattern ANY_PEER_FIELD = Pattern.compile("(?i)peer(ip|address|addr|asn|as)?");
  private static final Map<String, Health> NOT_ESTABLISHED = Map.of("idle", Health.DEGRADED,
      "active", Health.DEGRADED, "connect", Health.PROGRESSING, "opensent", Health.PROGRESSING,
      "openconfirm", Health.PROGRESSING);

  private PeeringSessions() {}

  /** Whether a field of an entry holds the peer's session state, in a state of the BGP machine short of Established. */
  static boolean notEstablished(Unstructured entry, String key, String value) {
    boolean bgp = BGP_FIELD.matcher(key).matches();
    Pattern peer = bgp ? ANY_PEER_FIELD : PEER_FIELD;
    return (bgp || STATE_FIELD.matcher(key).matches()) && NOT_ESTABLISHED.containsKey(word(value))
        && entry.entries().stream().anyMatch(e -> peer.matcher(e.getKey()).matches());
  }

  /** What a session state short of Established says ({@link #notEstablished}): down, or being set up. */
  static Signal signal(String field, String value) {
    String state = word(value);
    Health health = NOT_ESTABLISHED.get(state);
    return new Signal(health, field, value, Optional.empty(),
        List.of("bgp-session:" + (health == Health.DEGRADED ? "down:" : "setting-up:") + state));
  }

  /** The state as one lower-case word ({@code OPEN_SENT}, {@code OpenSent}: {@code opensent}). */
  private static String word(String value) {
    return value.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
  }
}
