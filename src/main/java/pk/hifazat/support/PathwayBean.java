package pk.hifazat.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean the pathways may name in their expressions ({@code ${deadlines.dueAt(...)}},
 * {@code camunda:delegateExpression="${reserveBed}"}). No other bean is reachable from a model:
 * a policy editor changes pathways, not what the application may do.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PathwayBean {}
