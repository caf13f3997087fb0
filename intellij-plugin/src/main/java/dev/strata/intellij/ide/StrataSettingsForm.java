package dev.strata.intellij.ide;

import dev.strata.intellij.settings.RuleIds;
import dev.strata.intellij.settings.Severity;
import dev.strata.intellij.settings.StrataSettings;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

/**
 * The Swing fields of the settings page, in plain Swing so that it is testable without an IDE. Each
 * rule offers "default" first: it sends nothing and leaves the rule to the repository's {@code
 * .strata.yaml}.
 */
final class StrataSettingsForm {

  static final String DEFAULT = "default";

  private final JPanel panel = new JPanel(new GridBagLayout());
  private final JTextField javaPath = new JTextField(40);
  private final JTextField jvmOptions = new JTextField(40);
  private final Map<String, JComboBox<String>> rules = new LinkedHashMap<>();
  private int row;

  StrataSettingsForm() {
    addRow(
        "Java path (JDK home or java executable; empty: JAVA_HOME, then the IDE's runtime):",
        javaPath);
    addRow("Extra JVM options for the server:", jvmOptions);
    addRow("Rule severities:", new JLabel(""));
    RuleIds.ALL.forEach(id -> addRow(id, rules.computeIfAbsent(id, ignored -> severityChoice())));
  }

  JComponent component() {
    return panel;
  }

  StrataSettings read() {
    Map<String, Severity> chosen = new TreeMap<>();
    rules.forEach(
        (id, box) ->
            Severity.fromWireName((String) box.getSelectedItem())
                .ifPresent(severity -> chosen.put(id, severity)));
    return new StrataSettings(javaPath.getText(), jvmOptions.getText(), chosen);
  }

  void show(StrataSettings settings) {
    javaPath.setText(settings.javaPath());
    jvmOptions.setText(settings.jvmOptions());
    rules.forEach(
        (id, box) ->
            box.setSelectedItem(
                settings.rules().containsKey(id) ? settings.rules().get(id).wireName() : DEFAULT));
  }

  private static JComboBox<String> severityChoice() {
    JComboBox<String> box = new JComboBox<>();
    box.addItem(DEFAULT);
    for (Severity severity : Severity.values()) {
      box.addItem(severity.wireName());
    }
    return box;
  }

  private void addRow(String label, JComponent field) {
    GridBagConstraints constraints = new GridBagConstraints();
    constraints.gridy = row++;
    constraints.anchor = GridBagConstraints.WEST;
    constraints.insets = new Insets(2, 4, 2, 4);
    panel.add(new JLabel(label), constraints);
    constraints.fill = GridBagConstraints.HORIZONTAL;
    constraints.weightx = 1;
    panel.add(field, constraints);
  }
}
