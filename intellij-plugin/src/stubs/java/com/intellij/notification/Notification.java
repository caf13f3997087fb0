// Signature-only stand-in for com.intellij.notification.Notification; never shipped.
package com.intellij.notification;

import com.intellij.openapi.project.Project;

public class Notification {
  public Notification(String groupId, String title, String content, NotificationType type) {}

  public void notify(Project project) {
    throw new UnsupportedOperationException("stand-in");
  }
}
