package io.storagehub.infra.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The declared dependencies of our modules' pom.xml files (tests run in the infra module directory). */
final class Poms {
    static final String OUR_GROUP = "io.storagehub";

    /** One {@code <dependency>} of a module's {@code <dependencies>} (scope "compile" when not given). */
    record Dependency(String groupId, String artifactId, String type, String scope) {
        boolean runtime() {
            return scope.equals("compile") || scope.equals("runtime");
        }
    }

    private Poms() {
    }

    static List<Dependency> dependencies(String module) {
        Element project = parse(Path.of("..", module, "pom.xml"));
        List<Dependency> result = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element d : children(dependencies, "dependency")) {
                result.add(new Dependency(text(d, "groupId", ""), text(d, "artifactId", ""), text(d, "type", "jar"),
                        text(d, "scope", "compile")));
            }
        }
        return result;
    }

    /** The module's runtime dependencies, through our own modules' poms (third-party ones are not expanded). */
    static List<Dependency> runtimeClosure(String module) {
        List<Dependency> result = new ArrayList<>();
        for (Dependency d : dependencies(module)) {
            if (d.runtime()) {
                result.add(d);
                if (d.groupId().equals(OUR_GROUP)) {
                    result.addAll(runtimeClosure(d.artifactId()));
                }
            }
        }
        return result;
    }

    private static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name, String fallback) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? fallback : found.get(0).getTextContent().trim();
    }
}
