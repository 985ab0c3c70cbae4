/** An example plug-in: one analyzer for one custom resource kind, discovered through ServiceLoader. */
package dev.blame.examples.crd;
