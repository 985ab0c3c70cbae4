/**
 * Traffic: Services (selecting pods, EndpointSlices and Endpoints) and Ingresses (routing to Services,
 * referencing IngressClasses and TLS Secrets). Each analyzer declares its links from the object alone and
 * judges the relationship from the resolved targets.
 */
package dev.blame.analyzers.network;
