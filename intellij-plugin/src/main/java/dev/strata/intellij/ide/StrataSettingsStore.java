package dev.strata.intellij.ide;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;
import dev.strata.intellij.settings.StrataSettings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Application-wide Strata settings, persisted by the IDE in {@code strata.xml}. Running language
 * clients subscribe so that a change on the settings page reaches every server at once.
 */
@State(name = "StrataSettings", storages = @Storage("strata.xml"))
public final class StrataSettingsStore
    implements PersistentStateComponent<StrataSettingsStore.Stored> {

  /**
   * The persisted form: public mutable fields, because the IDE's XML serializer writes exactly
   * those.
   */
  public static final class Stored {
    public String javaPath = "";
    public String jvmOptions = "";
    public Map<String, String> rules = new TreeMap<>();
  }

  private volatile Stored stored = new Stored();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  static StrataSettingsStore instance() {
    return ApplicationManager.getApplication().getService(StrataSettingsStore.class);
  }

  @Override
  public Stored getState() {
    return stored;
  }

  @Override
  public void loadState(Stored state) {
    stored = state;
  }

  StrataSettings settings() {
    Stored current = stored;
    return new StrataSettings(
        current.javaPath, current.jvmOptions, StrataSettings.rulesFromStored(current.rules));
  }

  void update(StrataSettings settings) {
    if (settings.equals(settings())) {
      return;
    }
    Stored next = new Stored();
    next.javaPath = settings.javaPath();
    next.jvmOptions = settings.jvmOptions();
    next.rules = new TreeMap<>(settings.rulesToStored());
    stored = next;
    listeners.forEach(Runnable::run);
  }

  void subscribe(Runnable listener) {
    listeners.add(listener);
  }

  void unsubscribe(Runnable listener) {
    listeners.remove(listener);
  }
}
