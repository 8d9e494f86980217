package pk.hifazat.checks;

import java.util.List;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.validation.Schema;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;

/**
 * The engine's parse of a BPMN resource, validated against the engine's BPMN schema compiled once.
 * The engine names the schema file to every SAX parser it makes, so the JDK's parser reads and
 * compiles the BPMN schema (five files) again for every resource it deploys and for every model
 * the folder and policy checks hand to it: 18 times on a fresh database's first start. Everything
 * else is the engine's own parse: its SAX handler, parse listeners, XXE settings and errors.
 */
class CompiledSchemaBpmnParse extends BpmnParse {

  private static final String NAMESPACE_PREFIXES =
      "http://xml.org/sax/features/namespace-prefixes";

  CompiledSchemaBpmnParse(BpmnParser bpmnParser) {
    super(bpmnParser);
    // Parse.execute asks this parser for its SAX parser, and names the schema to it only if a
    // schema resource is set: the schema comes compiled with the parser instead.
    this.schemaResource = null;
    this.parser = SchemaValidatingSaxParsers.INSTANCE;
  }

  /** Compiled at the first parse, once per JVM. */
  private static final class EngineBpmnSchema {
    static final Schema SCHEMA = CompiledModelSchemas.compile(BpmnParser.class,
        List.of(BpmnParser.BPMN_20_SCHEMA_LOCATION));
  }

  /**
   * SAX parsers as the engine configures them for a BPMN parse (namespace aware, with prefixes,
   * its XXE settings from the engine's configuration), validating against the compiled schema.
   */
  private static final class SchemaValidatingSaxParsers extends Parser {

    static final SchemaValidatingSaxParsers INSTANCE = new SchemaValidatingSaxParsers();

    // Factories are not safe to configure from several threads; the engine keeps one per thread.
    private static final ThreadLocal<SAXParserFactory> FACTORY = ThreadLocal.withInitial(() -> {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      try {
        factory.setFeature(NAMESPACE_PREFIXES, true);
      } catch (Exception e) {
        throw new IllegalStateException("The XML parser cannot report namespace prefixes", e);
      }
      // A compiled schema validates on its own; "validating" would also ask for a DTD.
      factory.setValidating(false);
      factory.setSchema(EngineBpmnSchema.SCHEMA);
      return factory;
    });

    @Override
    protected SAXParser getSaxParser() throws Exception {
      SAXParserFactory factory = FACTORY.get();
      setXxeProcessing(factory);
      return factory.newSAXParser();
    }

    @Override
    protected void enableSchemaValidation(boolean enableSchemaValidation) {
      // Always on, through the compiled schema.
    }

    @Override
    public Parse createParse() {
      throw new UnsupportedOperationException("Only makes the SAX parsers of a BPMN parse");
    }
  }
}
