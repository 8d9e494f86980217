package pk.hifazat.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import pk.hifazat.support.ExpressionReach;

/**
 * Every expression of a model, read with the engine's own JUEL parser and allowed only in the
 * forms the pathways need: process variables, literals and operators, calls on the pathway beans,
 * the variables and business key of {@code execution} or {@code task}, and plain methods of plain
 * values ({@code offenceTypes.contains('TRAFFICKING')}). A member leading to the engine's
 * services, the application context, classes or reflection is refused by name, as is an unknown
 * function, a member chosen at run time, and a condition or decision written in a script language
 * (R-NO-DISCLOSURE: a policy editor changes pathways, not who may do what).
 */
final class ExpressionGuard {

  static final String RULE = "expression-reach";
  private static final String JUEL = "juel";
  /** The parser the engine's expression factory uses, with method calls enabled. */
  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
  /** Texts the engine never evaluates: notes for people. */
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");
  private static final Set<String> CONDITIONS = Set.of("conditionExpression", "condition",
      "completionCondition");

  /** Parts of an element that Modeler shows as the element's own settings. */
  private static final Set<String> PARTS = Set.of("conditionExpression", "condition",
      "completionCondition", "timeDate", "timeDuration", "timeCycle");

  private enum Kind {
    /** {@code execution} or {@code task}: variables and business key only. */
    SCOPE,
    /** Resolved by the engine to something a model may pass on but not look into. */
    OPAQUE,
    /** A variable, a bean, a literal or what a call returned. */
    VALUE
  }

  private ExpressionGuard() {}

  static void check(String resource, BpmnModelInstance model, List<Finding> findings) {
    org.w3c.dom.Node root = model.getDocument().getDomSource().getNode();
    Element document = root instanceof org.w3c.dom.Document doc ? doc.getDocumentElement()
        : (Element) root;
    walk(resource, document, findings);
  }

  private static void walk(String resource, Element element, List<Finding> findings) {
    String name = localName(element);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (attribute.getName().startsWith("xmlns")) {
        continue;
      }
      inspect(resource, owner(element), "its " + attribute.getName(), attribute.getValue(),
          findings);
    }
    if (CONDITIONS.contains(name) && !element.getAttribute("language").isBlank()) {
      findings.add(Finding.error(resource, owner(element), RULE, "Its " + element.getNodeName()
          + " is written in '" + element.getAttribute("language") + "': conditions are plain "
          + "expressions, not scripts"));
    }
    if (!NOT_EVALUATED.contains(name)) {
      StringBuilder text = new StringBuilder();
      List<Element> children = new ArrayList<>();
      for (org.w3c.dom.Node child = element.getFirstChild(); child != null;
          child = child.getNextSibling()) {
        if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
            || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
          text.append(child.getNodeValue());
        } else if (child instanceof Element childElement) {
          children.add(childElement);
        }
      }
      String label = element.hasAttribute("name")
          ? element.getNodeName() + " '" + element.getAttribute("name") + "'"
          : element.getNodeName();
      inspect(resource, owner(element), "its " + label, text.toString(), findings);
      children.forEach(child -> walk(resource, child, findings));
    }
  }

  static void check(String resource, DmnModelInstance model, List<Finding> findings) {
    Definitions definitions = model.getDefinitions();
    String global = definitions == null ? null : definitions.getExpressionLanguage();
    List<ModelElementInstance> expressions = new ArrayList<>();
    expressions.addAll(model.getModelElementsByType(LiteralExpression.class));
    expressions.addAll(model.getModelElementsByType(UnaryTests.class));
    for (ModelElementInstance expression : expressions) {
      String own = expression instanceof LiteralExpression literal
          ? literal.getExpressionLanguage() : ((UnaryTests) expression).getExpressionLanguage();
      String language = own != null ? own : feel(global) ? null : global;
      ModelElementInstance textElement = expression instanceof LiteralExpression literal
          ? literal.getText() : ((UnaryTests) expression).getText();
      String text = textElement == null ? null : textElement.getTextContent();
      if (language == null || feel(language) || text == null || text.isBlank()) {
        continue;
      }
      String where = "its " + expression.getElementType().getTypeName();
      String owner = dmnOwner(expression);
      if (!JUEL.equalsIgnoreCase(language)) {
        findings.add(Finding.error(resource, owner, RULE, where + " is written in '" + language
            + "': decisions are written in FEEL (or JUEL), not in a script language"));
        continue;
      }
      // The decision engine reads JUEL text without ${} as if it were wrapped in it.
      String trimmed = text.trim();
      String juel = trimmed.startsWith("${") || trimmed.startsWith("#{") ? text
          : "${" + text + "}";
      inspect(resource, owner, where, juel, findings);
    }
  }

  private static boolean feel(String language) {
    return language != null && (language.toLowerCase(Locale.ROOT).contains("feel")
        || language.startsWith("https://www.omg.org/spec/DMN/")
        || language.startsWith("http://www.omg.org/spec/DMN/"));
  }

  private static String dmnOwner(ModelElementInstance expression) {
    for (ModelElementInstance at = expression; at != null; at = at.getParentElement()) {
      if (at instanceof DmnElement element && element.getId() != null
          && !(at instanceof InputExpression || at instanceof InputEntry
              || at instanceof OutputEntry)) {
        return element.getId();
      }
    }
    return null;
  }

  /** The problems of one attribute or text, each a finding naming the element and where. */
  static void inspect(String resource, String owner, String where, String text,
      List<Finding> findings) {
    for (String problem : problems(text)) {
      findings.add(Finding.error(resource, owner, RULE, capitalised(where) + " '"
          + text.strip() + "' " + problem + ": " + ExpressionReach.ALLOWED));
    }
  }

  /** What is wrong with the expressions in a text; empty when every one is allowed. */
  static Set<String> problems(String text) {
    Set<String> problems = new LinkedHashSet<>();
    if (text == null || (!text.contains("${") && !text.contains("#{"))) {
      return problems;
    }
    for (String expression : expressions(text, problems)) {
      try {
        visit(PARSER.build(expression).getRoot(), problems);
      } catch (TreeBuilderException e) {
        problems.add("cannot be read as an expression (" + e.getMessage() + ")");
      }
    }
    return problems;
  }

  /**
   * Each {@code ${...}} and {@code #{...}} of a text, the way the engine would find it, even where
   * the engine splits a list ("a, ${b}") first: quoted text may hold braces.
   */
  private static List<String> expressions(String text, Set<String> problems) {
    List<String> found = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      char c = text.charAt(i);
      if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
        int end = closing(text, i + 2);
        if (end < 0) {
          problems.add("has an expression that is never closed");
          return found;
        }
        found.add(text.substring(i, end + 1));
        i = end + 1;
      } else {
        i++;
      }
    }
    return found;
  }

  private static int closing(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  private static Kind visit(Node node, Set<String> problems) {
    if (node instanceof AstIdentifier identifier) {
      String name = identifier.getName();
      if (ExpressionReach.SCOPES.contains(name)) {
        return Kind.SCOPE;
      }
      return ExpressionReach.OPAQUE.contains(name) ? Kind.OPAQUE : Kind.VALUE;
    }
    if (node instanceof AstMethod method) {
      AstProperty property = (AstProperty) method.getChild(0);
      member(property, true, problems);
      visit(method.getChild(1), problems);
      return Kind.VALUE;
    }
    if (node instanceof AstProperty property) {
      member(property, false, problems);
      return Kind.VALUE;
    }
    if (node instanceof AstFunction function) {
      if (!ExpressionReach.FUNCTIONS.contains(function.getName())) {
        problems.add("calls function '" + function.getName() + "', which the engine does not "
            + "offer a pathway");
      }
      children(node, problems);
      return Kind.VALUE;
    }
    if (node instanceof AstNested || node instanceof AstChoice) {
      Kind kind = Kind.VALUE;
      for (int i = 0; i < node.getCardinality(); i++) {
        Kind child = visit(node.getChild(i), problems);
        // (a ? execution : b).x is treated as execution.x: the stricter of the two.
        if (i > 0 || node instanceof AstNested) {
          kind = child == Kind.VALUE ? kind : child;
        }
      }
      return kind;
    }
    if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstParameters
        || node instanceof AstBinary || node instanceof AstUnary) {
      children(node, problems);
      return Kind.VALUE;
    }
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull) {
      return Kind.VALUE;
    }
    problems.add("uses a form of expression the pathways do not need ("
        + node.getClass().getSimpleName() + ")");
    return Kind.VALUE;
  }

  private static void children(Node node, Set<String> problems) {
    for (int i = 0; i < node.getCardinality(); i++) {
      visit(node.getChild(i), problems);
    }
  }

  /** base.name or base['name'], read or called. */
  private static void member(AstProperty property, boolean call, Set<String> problems) {
    Kind base = visit(property.getChild(0), problems);
    String name;
    if (property instanceof AstDot) {
      name = property.toString().substring(2);
    } else if (property instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString || key instanceof AstNumber) {
        name = String.valueOf(((org.camunda.bpm.impl.juel.AstNode) key).eval(null, null));
      } else {
        visit(key, problems);
        problems.add("reaches a member chosen only when it runs ([...]), which cannot be checked");
        return;
      }
    } else {
      problems.add("uses a form of expression the pathways do not need");
      return;
    }
    String shown = call ? name + "()" : name;
    if (base == Kind.OPAQUE) {
      problems.add("reaches '" + shown + "' of an object a pathway may only pass on");
    } else if (base == Kind.SCOPE && !ExpressionReach.scopeOffers(name, call)) {
      problems.add("reaches '" + shown + "' of the execution or task, which a pathway may not "
          + "use");
    } else if (ExpressionReach.forbidden(name)) {
      problems.add("reaches '" + shown + "', which a pathway may not use");
    }
  }

  /** The id of the element a policy editor sees in Modeler: the event, not its definition. */
  private static String owner(Element element) {
    for (org.w3c.dom.Node at = element; at instanceof Element e; at = at.getParentNode()) {
      String name = localName(e);
      boolean part = name.endsWith("EventDefinition") || name.endsWith("LoopCharacteristics")
          || PARTS.contains(name);
      if (!part && !e.getAttribute("id").isBlank()) {
        return e.getAttribute("id");
      }
    }
    return null;
  }

  private static String localName(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
