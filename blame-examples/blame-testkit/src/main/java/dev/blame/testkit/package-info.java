/**
 * The testkit for analyzer authors, used at test scope: {@link dev.blame.testkit.BlameFixture} loads YAML
 * fixtures (files, folders, class-path resources, inline text) or objects from the
 * {@link dev.blame.testkit.Scenarios scenario builders} into a {@link dev.blame.api.Blame} with a fixed clock,
 * chosen or discovered analyzers and observed kinds; {@link dev.blame.testkit.CaseTable} walks a table of case
 * folders; {@link dev.blame.testkit.BlameAssertions} holds the AssertJ domain assertions and short references.
 *
 * <p><b>Why it lives in blame-examples and is a normal jar.</b> It is built on the public API only
 * ({@code blame-api} and {@code dev.blame.core.BlameEngine}), like the other examples, so it tests analyzers the
 * way users run them and cannot reach into the engine's internals. It is a normal artifact with its own
 * compile dependencies (AssertJ, the fabric8 model) rather than a test-jar of blame-analyzers or blame-core:
 * a test-jar does not carry its test-scope dependencies, so every module using it would have to repeat them,
 * and third-party authors could not depend on it in the ordinary way. blame-analyzers depends on it at test
 * scope; the reactor orders the build blame-api, blame-core, blame-testkit, blame-analyzers. For the same
 * reason the testkit's own tests cannot use the built-in analyzers (that would be a cycle): they use small
 * analyzers of their own, and blame-analyzers' case tables exercise the testkit with the real ones.
 *
 * <p>Nothing here is thread-safe; build one fixture per test.
 */
package dev.blame.testkit;
