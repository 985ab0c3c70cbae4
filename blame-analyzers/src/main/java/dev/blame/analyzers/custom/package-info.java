/**
 * Custom resources and the extension API: the generic kstatus-convention fallback for kinds no specific
 * analyzer names, CustomResourceDefinitions and APIServices, and the version-agnostic field readers
 * ({@link dev.blame.analyzers.custom.Unstructured}, {@link dev.blame.analyzers.custom.Condition}) the
 * relationship analyzers share.
 */
package dev.blame.analyzers.custom;
