package dev.strata.intellij.ide;

import com.intellij.openapi.options.Configurable;
import javax.swing.JComponent;

/**
 * Settings | Tools | Strata. Applying a change reaches running servers through the settings store.
 */
public final class StrataConfigurable implements Configurable {

  private StrataSettingsForm form;

  @Override
  public String getDisplayName() {
    return "Strata";
  }

  @Override
  public JComponent createComponent() {
    form = new StrataSettingsForm();
    reset();
    return form.component();
  }

  @Override
  public boolean isModified() {
    return form != null && !form.read().equals(StrataSettingsStore.instance().settings());
  }

  @Override
  public void apply() {
    StrataSettingsStore.instance().update(form.read());
  }

  @Override
  public void reset() {
    form.show(StrataSettingsStore.instance().settings());
  }

  @Override
  public void disposeUIResources() {
    form = null;
  }
}
