package dev.strata.intellij.ide;

import com.intellij.notification.Notification;
import com.intellij.notification.NotificationType;
import com.intellij.openapi.project.Project;
import dev.strata.intellij.launch.LaunchPlan;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one notification for a server that cannot start. LSP4IJ retries a failed start, so each
 * distinct message is shown once per IDE session instead of once per retry and per project.
 */
final class LaunchProblemNotice {

  private static final Set<String> SHOWN = ConcurrentHashMap.newKeySet();

  private LaunchProblemNotice() {}

  static void show(Project project, LaunchPlan.Blocked blocked) {
    if (SHOWN.add(blocked.message())) {
      new Notification(
              StrataPlugin.NOTIFICATION_GROUP,
              blocked.title(),
              blocked.message(),
              NotificationType.ERROR)
          .notify(project);
    }
  }
}
