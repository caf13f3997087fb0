// Signature-only stand-in for com.intellij.notification.NotificationType; never shipped.
package com.intellij.notification;

public enum NotificationType {
  IDE_UPDATE,
  INFORMATION,
  WARNING,
  ERROR
}
