// Signature-only stand-in for com.intellij.openapi.application.Application; never shipped.
package com.intellij.openapi.application;

import com.intellij.openapi.components.ComponentManager;

public interface Application extends ComponentManager {}
