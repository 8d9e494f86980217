package pk.hifazat.security;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells {@link VerifiedCredentials} of every change to an account, wherever it is made: every
 * door that changes the identity (our API, engine REST, Camunda Admin, the Java API) and every
 * failed password check (HTTP Basic, the login pages, engine REST's {@code /identity/verify})
 * reaches the engine's identity provider, which this replaces with the same provider that also
 * reports the change. Reported when made and again once committed, so that no check running
 * beside the change remembers what it replaced.
 */
@Component
class IdentityChangeWatch extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(IdentityChangeWatch.class);

  private final VerifiedCredentials credentials;

  IdentityChangeWatch(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getIdentityProviderSessionFactory() != null) {
      // Another identity (LDAP, say) whose changes are not seen here: nothing is remembered.
      log.info("Verified passwords are not remembered: the identity provider is {}",
          configuration.getIdentityProviderSessionFactory().getSessionType().getName());
      return;
    }
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return WatchedIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new WatchedIdentityProvider(credentials);
      }
    });
    credentials.watched();
  }

  /** The engine's own identity store, reporting each change to an account or its groups. */
  static class WatchedIdentityProvider extends DbIdentityServiceProvider {

    private final VerifiedCredentials credentials;

    WatchedIdentityProvider(VerifiedCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public IdentityOperationResult saveUser(User user) {
      changed(user.getId());
      return super.saveUser(user);
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
      changed(userId);
      return super.deleteUser(userId);
    }

    /** A failed password check: the account waits, and its password is checked again. */
    @Override
    protected void lockUser(UserEntity user) {
      changed(user.getId());
      super.lockUser(user);
    }

    @Override
    public IdentityOperationResult unlockUser(String userId) {
      changed(userId);
      return super.unlockUser(userId);
    }

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
      changed(userId);
      return super.createMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
      changed(userId);
      return super.deleteMembership(userId, groupId);
    }

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
      changed(null);
      return super.deleteGroup(groupId);
    }

    /** {@code null}: every account. */
    private void changed(String userId) {
      forget(userId);
      CommandContext command = Context.getCommandContext();
      if (command != null) {
        command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
            committed -> forget(userId));
        command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK,
            rolledBack -> forget(userId));
      }
    }

    private void forget(String userId) {
      credentials.forget(userId);
    }
  }
}
