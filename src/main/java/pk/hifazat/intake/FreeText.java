package pk.hifazat.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Letters, digits, spaces and ordinary punctuation: no markup or control characters. */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .,'()/-]*")
@interface FreeText {

  String message() default "may hold letters, digits, spaces and . , ' ( ) / - only";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
