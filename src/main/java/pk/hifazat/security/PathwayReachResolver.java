package pk.hifazat.security;

import java.beans.FeatureDescriptor;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import pk.hifazat.support.ExpressionReach;
import pk.hifazat.support.PathwayBean;

/**
 * The engine's expression resolver, narrowed to what a pathway needs: a member of an object is
 * read or called only on a pathway bean, on the variables and business key of an execution or
 * task, and on plain values (text, numbers, dates, lists, maps, decision results), and never
 * under a name that leads to the engine, the application context, classes or reflection. A model
 * that got past the deployment check still reaches nothing more (R-NO-DISCLOSURE).
 */
final class PathwayReachResolver extends ELResolver {

  private final ELResolver resolver;

  PathwayReachResolver(ELResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base != null) {
      ensureReachable(base, property, false);
    }
    return resolver.getValue(context, base, property);
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes,
      Object[] params) {
    if (base != null) {
      ensureReachable(base, method, true);
    }
    return resolver.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      ensureReachable(base, property, false);
    }
    resolver.setValue(context, base, property, value);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    if (base != null) {
      ensureReachable(base, property, false);
    }
    return resolver.getType(context, base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return resolver.isReadOnly(context, base, property);
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return resolver.getCommonPropertyType(context, base);
  }

  static void ensureReachable(Object base, Object member, boolean method) {
    String name = String.valueOf(member);
    String what = method ? name + "()" : name;
    if (base instanceof VariableScope) {
      if (!ExpressionReach.scopeOffers(name, method)) {
        throw refused(what, "of an execution or task");
      }
      return;
    }
    if (ExpressionReach.forbidden(name)) {
      throw refused(what, "of " + kind(base));
    }
    if (!plainValue(base) && !pathwayBean(base)) {
      throw refused(what, "of " + kind(base) + ", which is not a pathway bean or a plain value");
    }
  }

  private static boolean plainValue(Object base) {
    return base.getClass().isArray() || base instanceof CharSequence || base instanceof Number || base instanceof Boolean
        || base instanceof Character || base instanceof Enum<?> || base instanceof Date
        || base instanceof TemporalAccessor || base instanceof TemporalAmount
        || base instanceof Collection<?> || base instanceof Map<?, ?>
        || base.getClass().getName().startsWith("org.joda.time.");
  }

  private static boolean pathwayBean(Object base) {
    return AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(base), PathwayBean.class);
  }

  private static String kind(Object base) {
    return "a " + ClassUtils.getUserClass(base).getSimpleName();
  }

  private static ELException refused(String member, String of) {
    return new ELException("A pathway's expression may not reach '" + member + "' " + of
        + ": " + ExpressionReach.ALLOWED);
  }
}
