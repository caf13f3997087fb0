package dev.strata.testing;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON schemas committed under {@code src/test/resources/schemas} (each beside its licence),
 * with format assertions on: SARIF's {@code uri-reference} is checked, not only its shape.
 */
public enum JsonSchemas {
  /** SARIF 2.1.0 as OASIS publishes it (draft-04). */
  SARIF("sarif-schema-2.1.0.json", SpecificationVersion.DRAFT_4),
  /** GitHub Action metadata, {@code action.yml}, from SchemaStore (draft-07). */
  GITHUB_ACTION("github-action.json", SpecificationVersion.DRAFT_7);

  private final String file;
  private final SpecificationVersion version;
  private Schema schema;

  JsonSchemas(String file, SpecificationVersion version) {
    this.file = file;
    this.version = version;
  }

  private synchronized Schema schema() {
    if (schema == null) {
      SchemaRegistry registry =
          SchemaRegistry.withDefaultDialect(
              version,
              builder ->
                  builder.schemaRegistryConfig(
                      com.networknt.schema.SchemaRegistryConfig.builder()
                          .formatAssertionsEnabled(true)
                          .build()));
      try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + file)) {
        if (in == null) {
          throw new IllegalStateException("no schema " + file);
        }
        schema = registry.getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** The schema's complaints about a JSON document, one line each; empty when it is valid. */
  public List<String> problems(String json) {
    return messages(schema().validate(json, InputFormat.JSON));
  }

  /** The same for a YAML document, read as the JSON it stands for. */
  public List<String> problemsOfYaml(String yaml) {
    return messages(schema().validate(yaml, InputFormat.YAML));
  }

  private static List<String> messages(List<Error> errors) {
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }
}
