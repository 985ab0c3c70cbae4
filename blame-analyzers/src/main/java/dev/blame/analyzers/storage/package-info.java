/**
 * Storage: PersistentVolumeClaims (bound to PersistentVolumes and StorageClasses) and PersistentVolumes.
 * Pods' mounts of claims are declared by {@code dev.blame.analyzers.config.PodReferencesAnalyzer}.
 */
package dev.blame.analyzers.storage;
