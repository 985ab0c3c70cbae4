package dev.blame.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blame.api.ChangedBy;
import dev.blame.api.Node;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Evidence paths to FieldsV1 ownership, on managedFields in the shape the API server returns them. */
class FieldChangesTest {

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata:
        name: api
        namespace: shop
        managedFields:
        - apiVersion: v1
          fieldsType: FieldsV1
          fieldsV1:
            f:metadata:
              f:annotations:
                .: {}
                f:example.com/owner: {}
            f:spec:
              f:ports:
                .: {}
                k:{"port":80,"protocol":"TCP"}:
                  .: {}
                  f:name: {}
                  f:port: {}
                  f:protocol: {}
                  f:targetPort: {}
              f:selector: {}
          manager: kubectl-client-side-apply
          operation: Update
          time: "2026-11-20T09:00:00Z"
        - apiVersion: v1
          fieldsType: FieldsV1
          fieldsV1:
            f:spec:
              f:selector:
                f:app: {}
          manager: kubectl-edit
          operation: Update
          time: "2026-11-22T11:40:00Z"
        - apiVersion: v1
          fieldsType: FieldsV1
          fieldsV1:
            f:spec:
              f:selector:
                f:app: {}
          manager: status-writer
          operation: Update
          subresource: status
          time: "2026-11-23T00:00:00Z"
        - apiVersion: v1
          fieldsType: FieldsV1
          fieldsV1:
            f:metadata:
              f:finalizers:
                v:"example.com/cleanup": {}
          manager: cleanup-operator
          operation: Apply
          time: "2026-11-21T00:00:00Z"
      spec:
        selector:
          app: api-v2
      """;

  private static Node service() {
    return Node.of((HasMetadata) Serialization.unmarshal(SERVICE));
  }

  private static Optional<String> manager(String path) {
    return FieldChanges.parse(path).flatMap(p -> FieldChanges.lastSet(service(), p)).map(ChangedBy::manager);
  }

  @Test
  void theNewestOwnerOutsideTheStatusSubresourceSetTheField() {
    assertThat(manager("spec.selector")).contains("kubectl-edit");
    assertThat(manager("spec.selector[app]")).contains("kubectl-edit");
  }

  @Test
  void listItemsAreFoundByAnyOfTheirKeyFieldsAndMapEntriesByName() {
    assertThat(manager("spec.ports[80].targetPort")).contains("kubectl-client-side-apply");
    assertThat(manager("metadata.annotations[example.com/owner]")).contains("kubectl-client-side-apply");
    assertThat(manager("metadata.finalizers[example.com/cleanup]")).contains("cleanup-operator");
    assertThat(manager("spec.ports[81].targetPort")).isEmpty();
  }

  @Test
  void aFieldNobodyOwnsIsNotAttributed() {
    assertThat(manager("spec.externalName")).isEmpty();
  }

  @Test
  void onlySpecAndMetadataPathsAreFields() {
    assertThat(FieldChanges.parse("status.conditions[Ready]")).isEmpty();
    assertThat(FieldChanges.parse("pods in namespace shop")).isEmpty();
    assertThat(FieldChanges.parse("Event BackOff")).isEmpty();
    assertThat(FieldChanges.parse("spec.")).isEmpty();
    assertThat(FieldChanges.parse("spec..x")).isEmpty();
    assertThat(FieldChanges.parse("spec.ports[http")).isEmpty();
    assertThat(FieldChanges.parse("spec.ports[a.b].targetPort")).contains(List.of(
        new FieldChanges.Step("spec", null), new FieldChanges.Step("ports", "a.b"),
        new FieldChanges.Step("targetPort", null)));
  }

  @Test
  void ingestKeepsWhatAttributionNeedsAndDropsStatusFieldSets() {
    HasMetadata object = (HasMetadata) Serialization.unmarshal(SERVICE);
    var kept = new Ingest().managedFields(object.getMetadata().getManagedFields());
    assertThat(kept).extracting(e -> e.getManager())
        .containsExactly("kubectl-client-side-apply", "kubectl-edit", "status-writer", "cleanup-operator");
    assertThat(kept.get(2).getFieldsV1()).isNull();
    assertThat(kept.get(2).getTime()).isEqualTo("2026-11-23T00:00:00Z");
    assertThat(kept.get(1).getFieldsV1()).isEqualTo(object.getMetadata().getManagedFields().get(1).getFieldsV1());
  }
}
