/**
 * Custom resources and the extension API: the generic kstatus-convention fallback for kinds no specific
 * analyzer names, CustomResourceDefinitions and APIServices.
 */
package dev.blame.analyzers.custom;
