package pk.hifazat.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** An ISO-8601 time with offset (2026-11-20T08:00:00+05:00), not in the future. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PastTime.Validator.class)
@interface PastTime {

  String message() default "must be an ISO-8601 time with offset, e.g. 2026-11-20T08:00:00+05:00";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PastTime, String> {

    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      OffsetDateTime time;
      try {
        time = OffsetDateTime.parse(value);
      } catch (DateTimeParseException e) {
        return false;
      }
      // The engine's clock, so that tests which move time move it here as well; a little slack
      // for a reporting device whose clock runs ahead.
      Instant latest = ClockUtil.getCurrentTime().toInstant().plus(CLOCK_SLACK);
      if (time.toInstant().isAfter(latest)) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must not be in the future")
            .addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
