/**
 * A deploy step built on the public API only: {@link dev.blame.examples.rollout.DeployTool} applies manifests
 * with the fabric8 client (create-or-replace) and waits for the rollout with
 * {@link dev.blame.api.Blame#waitFor}, failing the moment it is doomed and saying why. See docs/wait.md.
 */
package dev.blame.examples.rollout;
