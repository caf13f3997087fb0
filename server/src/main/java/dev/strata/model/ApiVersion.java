package dev.strata.model;

/** A Kubernetes {@code apiVersion} split into group and version; the core group is empty. */
public record ApiVersion(String group, String version) {
  public static ApiVersion parse(String text) {
    int slash = text.lastIndexOf('/');
    return slash < 0
        ? new ApiVersion("", text)
        : new ApiVersion(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
