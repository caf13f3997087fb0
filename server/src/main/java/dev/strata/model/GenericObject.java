package dev.strata.model;

/** Any other Kubernetes object; rules that need more read its node through the consumer tables. */
public record GenericObject(ObjectMeta meta) implements Manifest {}
