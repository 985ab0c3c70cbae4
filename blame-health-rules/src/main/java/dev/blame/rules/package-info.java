/**
 * Health rules users already own, run as analyzers: Argo CD Lua health scripts in a sandboxed LuaJ state
 * ({@code LuaSandbox}) and Flux-style CEL {@code healthCheckExprs} with cel-java ({@code CelRule}).
 * {@link dev.blame.rules.HealthRules} is the only public class: it loads rule sources and is the
 * {@link dev.blame.api.spi.HealthRuleLoader} provider blame-core finds. See docs/health-rules.md.
 */
package dev.blame.rules;
