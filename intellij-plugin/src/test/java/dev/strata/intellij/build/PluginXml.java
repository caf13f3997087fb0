package dev.strata.intellij.build;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The facts tests need from a plugin.xml: the classes it names and the attributes of its
 * extensions.
 */
record PluginXml(Element root) {

  /** Attributes through which the platform and LSP4IJ load a class by name. */
  private static final Set<String> CLASS_ATTRIBUTES =
      Set.of(
          "serviceImplementation",
          "serviceInterface",
          "instance",
          "implementation",
          "implementationClass",
          "factoryClass",
          "documentMatcher",
          "class",
          "provider",
          "topic");

  static PluginXml parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return new PluginXml(
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement());
    } catch (Exception e) {
      throw new IllegalArgumentException("plugin.xml does not parse", e);
    }
  }

  List<String> classNames() {
    List<String> names = new ArrayList<>();
    NodeList all = root.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      NamedNodeMap attributes = all.item(i).getAttributes();
      for (int a = 0; a < attributes.getLength(); a++) {
        if (CLASS_ATTRIBUTES.contains(attributes.item(a).getNodeName())) {
          names.add(attributes.item(a).getNodeValue());
        }
      }
    }
    return names;
  }

  String attribute(String tag, String name) {
    NodeList elements = root.getElementsByTagName(tag);
    if (elements.getLength() == 0) {
      throw new IllegalArgumentException("no <" + tag + "> in plugin.xml");
    }
    return ((Element) elements.item(0)).getAttribute(name);
  }

  String text(String tag) {
    return root.getElementsByTagName(tag).item(0).getTextContent().trim();
  }
}
