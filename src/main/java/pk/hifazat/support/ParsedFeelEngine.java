package pk.hifazat.support;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The engine's FEEL engine, parsing each expression once: the decision tables' input entries and
 * expressions, and the forms' hide conditions, are the same few texts for every case, and their
 * parse was most of a decision's cost. Each evaluation still runs on its own values, through the
 * FEEL engine Camunda builds, with Camunda's variable context and errors.
 */
class ParsedFeelEngine extends ScalaFeelEngine {

  /** Deployed models are few; the bound keeps a service that deploys many from holding all. */
  private static final int KEPT = 10_000;

  private final Cache<String, Either<Failure, ParsedExpression>> expressions =
      Caffeine.newBuilder().maximumSize(KEPT).build();
  private final Cache<String, Either<Failure, ParsedExpression>> unaryTests =
      Caffeine.newBuilder().maximumSize(KEPT).build();

  ParsedFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
    super(functionProviders);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    return (T) evaluate(expressions, expression, feelEngine::parseExpression, variables);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    // The input's name under the name unary tests read it by, as Camunda's engine gives it.
    VariableProvider variables = new CompositeVariableProvider(toScalaList(
        new StaticVariableProvider(new Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable)),
        new ContextVariableWrapper(variableContext)));
    return BoxesRunTime.unboxToBoolean(
        evaluate(unaryTests, expression, feelEngine::parseUnaryTests, variables));
  }

  /** Expressions parsed so far, of both kinds. */
  long parsed() {
    return expressions.estimatedSize() + unaryTests.estimatedSize();
  }

  /** Evaluated as Camunda's engine does, parse and all, but for a parse already made. */
  private Object evaluate(Cache<String, Either<Failure, ParsedExpression>> kept,
      String expression, Function<String, Either<Failure, ParsedExpression>> parse,
      VariableProvider variables) {
    Either<Failure, ParsedExpression> parsed = kept.get(expression, parse);
    if (parsed instanceof Left<Failure, ParsedExpression> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    CustomContext context = new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
    Either<Failure, Object> result =
        feelEngine.eval(((Right<Failure, ParsedExpression>) parsed).value(), context);
    if (result instanceof Left<Failure, Object> failed) {
      throw LOGGER.evaluationException(failed.value().message());
    }
    return ((Right<Failure, Object>) result).value();
  }
}
