#!/usr/bin/env python3
"""Adds kinds newer than Kubernetes 1.20 to the trimmed 1.20 document (the output of trim-swagger.py).

Usage: add-newer-kinds.py TRIMMED_JSON NEWER_KINDS_JSON OUT_JSON

- definitions: every definition of NEWER_KINDS_JSON (copied unchanged from a later Kubernetes swagger.json; its
  "source" says which) is added; one the 1.20 document already has is an error, so no 1.20 schema is replaced;
- paths: each added kind gets its item path (/.../{name}: get, put, patch, delete), made from the 1.20 document's
  Job item path with the group, version, kind, tag and operationIds changed, as kube-apiserver's route installer
  names them the same way for every kind (readBatchV1NamespacedCronJob, tag batch_v1). kubectl 1.20's diff looks
  for the kind's PATCH operation and its dryRun parameter there; /openapi/v3 lists a group-version by its paths.
See SOURCE.md.
"""
import copy
import json
import re
import sys

TEMPLATE = "/apis/batch/v1/namespaces/{namespace}/jobs/{name}"
TEMPLATE_REF = "#/definitions/io.k8s.api.batch.v1.Job"

# group, version, kind, resource, operationId infix, tag
KINDS = {
    "io.k8s.api.batch.v1.CronJob": ("batch", "v1", "CronJob", "cronjobs", "BatchV1", "batch_v1"),
    "io.k8s.api.policy.v1.PodDisruptionBudget": ("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets",
                                                 "PolicyV1", "policy_v1"),
    "io.k8s.api.discovery.v1.EndpointSlice": ("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices",
                                              "DiscoveryV1", "discovery_v1"),
    "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler": ("autoscaling", "v2", "HorizontalPodAutoscaler",
                                                          "horizontalpodautoscalers", "AutoscalingV2",
                                                          "autoscaling_v2"),
}


def item_path(template, definition, group, version, kind, infix):
    text = json.dumps(template)
    text = text.replace(json.dumps(TEMPLATE_REF), json.dumps("#/definitions/" + definition))
    text = re.sub(r'"(read|replace|patch|delete)BatchV1NamespacedJob"', lambda m: json.dumps(
        m.group(1) + infix + "Namespaced" + kind), text)
    text = text.replace('"batch_v1"', json.dumps(KINDS[definition][5]))
    text = re.sub(r'(the specified|delete a|name of the) Job"', lambda m: m.group(1) + " " + kind + '"', text)
    item = json.loads(text)
    for op in ("get", "put", "patch", "delete"):
        item[op]["x-kubernetes-group-version-kind"] = {"group": group, "kind": kind, "version": version}
    left = re.findall(r'\bJob\b|[Bb]atch', json.dumps(item)) if group != "batch" else re.findall(r'\bJob\b',
                                                                                               json.dumps(item))
    if left:
        raise SystemExit(f"{kind}: the Job template left {left}")
    return item


def main(src, newer, dst):
    doc = json.load(open(src))
    added = json.load(open(newer))
    for name, schema in added["definitions"].items():
        if name in doc["definitions"]:
            raise SystemExit(f"{name} is in the 1.20 document already")
        doc["definitions"][name] = schema
    template = doc["paths"][TEMPLATE]
    for definition, (group, version, kind, resource, infix, _) in KINDS.items():
        prefix = "/api/" + version if group == "" else "/apis/" + group + "/" + version
        doc["paths"][prefix + "/namespaces/{namespace}/" + resource + "/{name}"] = item_path(
            copy.deepcopy(template), definition, group, version, kind, infix)
    missing = set()
    for ref in re.findall(r'"#/definitions/([^"]+)"', json.dumps(doc)):
        if ref not in doc["definitions"]:
            missing.add(ref)
    if missing:
        raise SystemExit(f"unresolved references: {sorted(missing)}")
    out = {"swagger": doc["swagger"], "info": doc["info"], "paths": dict(sorted(doc["paths"].items())),
           "definitions": dict(sorted(doc["definitions"].items()))}
    with open(dst, "w") as f:
        json.dump(out, f, separators=(",", ":"), sort_keys=False)
        f.write("\n")
    print(f"{len(out['paths'])} paths, {len(out['definitions'])} definitions", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
