package pk.hifazat.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import pk.hifazat.area.Districts;

/** The report's district is a district of its province in the registry. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownDistrict.Validator.class)
@interface KnownDistrict {

  String message() default "is not a district of the given province";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<KnownDistrict, CaseReportRequest> {

    private final Districts districts;

    Validator(Districts districts) {
      this.districts = districts;
    }

    @Override
    public boolean isValid(CaseReportRequest report, ConstraintValidatorContext context) {
      if (report.district() == null || report.district().isBlank() || report.province() == null
          || districts.canonical(report.province(), report.district()).isPresent()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(
              "is not a district of " + report.province() + " in the district registry")
          .addPropertyNode("district")
          .addConstraintViolation();
      return false;
    }
  }
}
