// Signature-only stand-in for com.intellij.openapi.project.Project; never shipped.
package com.intellij.openapi.project;

public interface Project {}
