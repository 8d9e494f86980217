package pk.hifazat.security;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import pk.hifazat.support.PathwayBean;

/**
 * The engine resolves a model's expressions against the beans marked {@link PathwayBean} only,
 * not the whole application context: otherwise any deployed model could call, say, the identity
 * store or the audit log with every case's data (R-NO-DISCLOSURE). Names are known from the bean
 * definitions; each bean is created when an expression first asks for it. Members of what an
 * expression reaches are narrowed too ({@link PathwayReachResolver}).
 */
@Component
class PathwayBeansOnly extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  PathwayBeansOnly(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> names = Set.of(context.getBeanNamesForAnnotation(PathwayBean.class));
    configuration.setExpressionManager(new PathwayExpressionManager(context,
        new PathwayBeans(context, names)));
  }

  /**
   * Spring's expression manager with its resolver narrowed: members of objects are reached only
   * as {@link PathwayReachResolver} allows. DMN's JUEL expressions resolve through it too.
   */
  private static final class PathwayExpressionManager extends SpringExpressionManager {

    PathwayExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      return new PathwayReachResolver(super.createElResolver());
    }
  }

  /** Read-only, by name; a bean is fetched from the context only when it is asked for. */
  private static final class PathwayBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private final Set<String> names;

    PathwayBeans(ApplicationContext context, Set<String> names) {
      this.context = context;
      this.names = names;
    }

    @Override
    public boolean containsKey(Object name) {
      return names.contains(name);
    }

    @Override
    public Object get(Object name) {
      return names.contains(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
      return names.stream()
          .map(name -> (Map.Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name,
              context.getBean(name)))
          .collect(Collectors.toSet());
    }
  }
}
