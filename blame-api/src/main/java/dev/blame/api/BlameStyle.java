package dev.blame.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project. Value types are abstract classes named for the domain
 * ({@code Finding}, not {@code AbstractFinding}); they expose {@code of(..)} and {@code builder()}
 * themselves, so callers never name the generated {@code Immutable*} classes.
 *
 * <p>Collections are never null, absence is {@link java.util.Optional}, and the generated code uses
 * only the JDK so that the API jar does not force Guava on its users.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {"child:children", "activity:activities"},
    overshadowImplementation = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaultAsDefault = true,
    optionalAcceptNullable = true)
public @interface BlameStyle {}
