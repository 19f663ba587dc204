package org.pomegranate.shared.validation;

import java.time.Clock;
import java.util.function.Supplier;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Bean Validation as the forms use it. Boot's validator already reads messages from the
 * application's bundles (so a constraint's {@code {validation.text.tooLong}} is 不能超过 {max} 个字。
 * in the user's language); here it gets the application's clock, and the method validation of
 * {@code @Validated} services answers a refused form with {@link InvalidInputException}, the one
 * refusal the controllers (which show the form again with what was typed) and the import handle.
 */
@Configuration(proxyBeanMethods = false)
class FormValidationConfiguration {

	@Bean
	ValidationConfigurationCustomizer applicationClock(Clock clock) {
		return configuration -> configuration.clockProvider(() -> clock.withZone(ChinaTime.ZONE));
	}

	/** Boot's own method validation (same exclusions and proxy mode), its refusals made {@link InvalidInputException}. */
	@Bean
	static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
			ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
		var processor = new FilteredMethodValidationPostProcessor(excludeFilters.orderedStream()) {

			@Override
			protected Advice createMethodValidationAdvice(Supplier<Validator> validator) {
				return new FormValidationInterceptor(validator);
			}

		};
		processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		processor.setValidatorProvider(validator);
		return processor;
	}

	static final class FormValidationInterceptor extends MethodValidationInterceptor {

		FormValidationInterceptor(Supplier<Validator> validator) {
			super(validator);
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			try {
				return super.invoke(invocation);
			}
			catch (ConstraintViolationException ex) {
				// Only the arguments' violations are the user's input; any other is a fault of ours.
				if (!ex.getConstraintViolations().isEmpty()
						&& ex.getConstraintViolations().stream().allMatch(v -> v.getExecutableParameters() != null)) {
					throw InvalidInputException.of(ex.getConstraintViolations());
				}
				throw ex;
			}
		}

	}

}
