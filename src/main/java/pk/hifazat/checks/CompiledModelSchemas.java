package pk.hifazat.checks;

import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.impl.BpmnParser;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnModelConstants;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * Reads BPMN and DMN against their XML schemas compiled once. The model API names the schema files
 * to every document builder it makes, so the JDK's parser reads and compiles the BPMN schema, or
 * all six DMN schemas, again for every model it reads: about two fifths of what a deployment
 * costs, at start-up, on the policy page and in the engine's DMN deployer. These readers validate
 * against the same schemas, in the same order, compiled the first time they are needed; the model
 * API asks for a replacement of its {@code INSTANCE} to change how it reads. The engine's own
 * parse of a BPMN resource does the same with the engine's copy of the schema
 * ({@link CompiledSchemaBpmnParse}).
 */
@Component
class CompiledModelSchemas extends AbstractProcessEnginePlugin {

  private static final String SCHEMA_LANGUAGE =
      "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
  private static final String SCHEMA_SOURCE =
      "http://java.sun.com/xml/jaxp/properties/schemaSource";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // The engine's own parse of what it deploys, unless someone gave it another.
    if (configuration.getBpmnParseFactory() == null) {
      configuration.setBpmnParseFactory(CompiledSchemaBpmnParse::new);
    }
  }

  /**
   * Made once the service is up, out of its start's way: a start that finds its pathways deployed
   * reads no model, and building the readers costs about as much as a few reads. The checks make
   * them first if they come earlier ({@link PathwayChecks}), as on a new database; a model read
   * before they are in place is read the model API's own way, with the same result.
   */
  @EventListener(ApplicationReadyEvent.class)
  void installOnceReady() {
    Thread installer = new Thread(CompiledModelSchemas::install, "model-schemas");
    installer.setDaemon(true);
    installer.start();
  }

  /** Idempotent, and cheap once done: every check calls it. */
  static synchronized void install() {
    if (!(Bpmn.INSTANCE instanceof CompiledSchemaBpmn)) {
      Bpmn.INSTANCE = new CompiledSchemaBpmn();
    }
    if (!(Dmn.INSTANCE instanceof CompiledSchemaDmn)) {
      Dmn.INSTANCE = new CompiledSchemaDmn();
    }
  }

  /** The factory validates against {@code schema} instead of the files it was told to read. */
  private static void validateAgainst(DocumentBuilderFactory factory, Schema schema) {
    factory.setAttribute(SCHEMA_SOURCE, null);
    factory.setAttribute(SCHEMA_LANGUAGE, null);
    // A compiled schema validates on its own; "validating" would also ask for a DTD.
    factory.setValidating(false);
    factory.setSchema(schema);
  }

  static Schema compile(Class<?> owner, List<String> locations) {
    ClassLoader loader = owner.getClassLoader();
    Source[] sources = locations.stream().map(location -> {
      URL url = loader.getResource(location);
      if (url == null) {
        throw new IllegalStateException("The model API has no schema " + location);
      }
      return new StreamSource(url.toString());
    }).toArray(Source[]::new);
    try {
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
    } catch (SAXException e) {
      throw new IllegalStateException("Cannot compile the schemas " + locations, e);
    }
  }

  /** Compiled at the first model read, once per JVM. */
  private static final class BpmnSchema {
    static final Schema SCHEMA = compile(BpmnParser.class,
        List.of(BpmnModelConstants.BPMN_20_SCHEMA_LOCATION));
  }

  /** Every DMN version the model API reads, in the order it names them. */
  private static final class DmnSchema {
    static final Schema SCHEMA = compile(DmnParser.class, Arrays.asList(
        DmnModelConstants.DMN_15_SCHEMA_LOCATION,
        DmnModelConstants.DMN_14_SCHEMA_LOCATION,
        DmnModelConstants.DMN_13_SCHEMA_LOCATION,
        DmnModelConstants.DMN_12_SCHEMA_LOCATION,
        DmnModelConstants.DMN_11_SCHEMA_LOCATION,
        DmnModelConstants.DMN_11_ALTERNATIVE_SCHEMA_LOCATION));
  }

  private static final class CompiledSchemaBpmn extends Bpmn {

    private final BpmnParser parser = new BpmnParser() {
      @Override
      protected void configureFactory(DocumentBuilderFactory factory) {
        super.configureFactory(factory);
        validateAgainst(factory, BpmnSchema.SCHEMA);
      }
    };

    @Override
    protected BpmnModelInstance doReadModelFromInputStream(InputStream stream) {
      return parser.parseModelFromStream(stream);
    }
  }

  private static final class CompiledSchemaDmn extends Dmn {

    private final DmnParser parser = new DmnParser() {
      @Override
      protected void configureFactory(DocumentBuilderFactory factory) {
        super.configureFactory(factory);
        validateAgainst(factory, DmnSchema.SCHEMA);
      }
    };

    @Override
    protected DmnModelInstance doReadModelFromInputStream(InputStream stream) {
      return parser.parseModelFromStream(stream);
    }
  }
}
