package pk.hifazat.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The value is the name of one of an enum's constants. Kept as text in the request so every bad
 * field is reported at once rather than the first one the JSON reader meets.
 */
@Target({ElementType.FIELD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT,
    ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Validator.class)
@interface OneOf {

  Class<? extends Enum<?>> value();

  String message() default "must be one of {values}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<OneOf, String> {

    private String[] names;

    @Override
    public void initialize(OneOf annotation) {
      names = Arrays.stream(annotation.value().getEnumConstants())
          .map(Enum::name)
          .toArray(String[]::new);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || Arrays.asList(names).contains(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(
              "must be one of " + Arrays.stream(names).collect(Collectors.joining(", ")))
          .addConstraintViolation();
      return false;
    }
  }
}
