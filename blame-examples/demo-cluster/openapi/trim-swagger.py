#!/usr/bin/env python3
"""Trims Kubernetes' api/openapi-spec/swagger.json to the kinds the demo cluster serves.

Usage: trim-swagger.py SWAGGER_JSON OUT_JSON

Keeps, for each kind below, the item path (/.../{name}) with its operations and the definitions reachable from
those paths (the kind, everything it references, meta types). Lists, watch paths, collection paths and
subresources are dropped. See SOURCE.md for where the input comes from and what is added.
"""
import json
import sys

KINDS = [
    ("", "v1", "Pod"), ("", "v1", "Service"), ("", "v1", "ConfigMap"), ("", "v1", "Secret"),
    ("", "v1", "Namespace"), ("", "v1", "Event"), ("", "v1", "Node"), ("", "v1", "PersistentVolumeClaim"),
    ("", "v1", "PersistentVolume"), ("", "v1", "ServiceAccount"), ("", "v1", "Endpoints"),
    ("", "v1", "ResourceQuota"),
    ("apps", "v1", "Deployment"), ("apps", "v1", "ReplicaSet"), ("apps", "v1", "StatefulSet"),
    ("apps", "v1", "DaemonSet"), ("apps", "v1", "ControllerRevision"),
    ("batch", "v1", "Job"),
    ("networking.k8s.io", "v1", "Ingress"), ("events.k8s.io", "v1", "Event"),
    ("autoscaling", "v1", "HorizontalPodAutoscaler"), ("storage.k8s.io", "v1", "StorageClass"),
]

# Fields the demo cluster (a v1.29 API) writes that v1.20 did not have: name, type, since, description.
ADDED = {
    "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry": {
        "subresource": {"type": "string", "description": "Subresource is the name of the subresource used to "
                        "update that object, or empty string if the object was updated through the main "
                        "resource. (Added in Kubernetes 1.22; added to this 1.20 document by the demo cluster.)"}},
    "io.k8s.api.batch.v1.JobSpec": {
        "completionMode": {"type": "string", "description": "CompletionMode specifies how Pod completions are "
                           "tracked: NonIndexed (default) or Indexed. (Added in Kubernetes 1.21; added to this "
                           "1.20 document by the demo cluster.)"},
        "suspend": {"type": "boolean", "description": "Suspend specifies whether the Job controller should create "
                    "Pods or not. (Added in Kubernetes 1.21; added to this 1.20 document by the demo cluster.)"}},
    "io.k8s.api.apps.v1.RollingUpdateDaemonSet": {
        "maxSurge": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString", "description":
                     "The maximum number of nodes with an existing available DaemonSet pod that can have an "
                     "updated DaemonSet pod during an update. (Added in Kubernetes 1.21; added to this 1.20 "
                     "document by the demo cluster.)"}},
    "io.k8s.api.apps.v1.StatefulSetStatus": {
        "availableReplicas": {"type": "integer", "format": "int32", "description": "Total number of available "
                              "pods (ready for at least minReadySeconds) targeted by this statefulset. (Added in "
                              "Kubernetes 1.22; added to this 1.20 document by the demo cluster.)"}},
    "io.k8s.api.core.v1.PodStatus": {
        "hostIPs": {"type": "array", "items": {"type": "object", "properties": {
            "ip": {"type": "string", "description": "IP is the IP address assigned to the host"}}},
            "x-kubernetes-list-type": "atomic", "description": "hostIPs holds the IP addresses allocated to the "
            "host. (Added in Kubernetes 1.28; added to this 1.20 document by the demo cluster.)"}},
    "io.k8s.api.batch.v1.JobStatus": {
        "ready": {"type": "integer", "format": "int32", "description": "The number of pods which have a Ready "
                  "condition. (Added in Kubernetes 1.23; added to this 1.20 document by the demo cluster.)"},
        "uncountedTerminatedPods": {"type": "object", "properties": {
            "failed": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set",
                       "description": "Failed holds UIDs of failed Pods."},
            "succeeded": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set",
                          "description": "Succeeded holds UIDs of succeeded Pods."}}, "description": "UncountedTerminatedPods holds the UIDs of "
                                    "Pods that have terminated but the job controller hasn't yet accounted for. "
                                    "(Added in Kubernetes 1.21; added to this 1.20 document by the demo "
                                    "cluster.)"}},
}


def refs(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.startswith("#/definitions/"):
                out.add(v[len("#/definitions/"):])
            else:
                refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)


def main(src, dst):
    doc = json.load(open(src))
    wanted = {(g, v, k) for g, v, k in KINDS}
    paths = {}
    for name, item in doc["paths"].items():
        if not name.endswith("}") or "/watch/" in name or not name.endswith("{name}"):
            continue
        patch = item.get("patch", {})
        gvk = patch.get("x-kubernetes-group-version-kind", {})
        if (gvk.get("group"), gvk.get("version"), gvk.get("kind")) in wanted:
            paths[name] = item
    definitions = {}
    todo = set()
    refs(paths, todo)
    for name, schema in doc["definitions"].items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            if (gvk["group"], gvk["version"], gvk["kind"]) in wanted:
                todo.add(name)
    while todo:
        name = todo.pop()
        if name in definitions:
            continue
        definitions[name] = doc["definitions"][name]
        found = set()
        refs(definitions[name], found)
        todo |= found - definitions.keys()
    for name, fields in ADDED.items():
        definitions[name]["properties"].update(fields)
    out = {"swagger": doc["swagger"], "info": doc["info"], "paths": dict(sorted(paths.items())),
           "definitions": dict(sorted(definitions.items()))}
    with open(dst, "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")
    print(f"{len(paths)} paths, {len(definitions)} definitions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
