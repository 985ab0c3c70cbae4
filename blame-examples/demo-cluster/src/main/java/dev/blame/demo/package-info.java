/**
 * The embedded demo cluster: {@link dev.blame.demo.DemoCluster} (a fake API server on 127.0.0.1 built on
 * the fabric8 mock server), {@link dev.blame.demo.ControllerSimulator} (deterministic stand-ins for the
 * controllers, scheduler and kubelet), {@link dev.blame.demo.Scenario} (named failing rollouts) and
 * {@link dev.blame.demo.DemoMain} ({@code serve SCENARIO}). Everything else here is package-private
 * machinery. This package does not use blame at all; it only produces clusters worth blaming.
 */
package dev.blame.demo;
