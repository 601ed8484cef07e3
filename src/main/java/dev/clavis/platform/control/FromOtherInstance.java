package dev.clavis.platform.control;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a change event that the change feed brings from another instance (or, after the feed was out of reach, that
 * stands for everything that may have changed meanwhile). Observers that only clear a cache need not care: they see
 * these events as well, with no transaction active, so at once. An observer that must read the database again (the
 * signing keys) or that this instance's own change already updated directly (the denylist) observes only these.
 */
@Qualifier
@Retention(RUNTIME)
@Target({METHOD, FIELD, PARAMETER, TYPE})
public @interface FromOtherInstance {

    /** For firing: {@code events.select(FromOtherInstance.Literal.INSTANCE).fire(change)}. */
    final class Literal extends AnnotationLiteral<FromOtherInstance> implements FromOtherInstance {

        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
