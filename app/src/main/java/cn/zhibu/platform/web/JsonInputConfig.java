package cn.zhibu.platform.web;

import com.fasterxml.jackson.annotation.Nulls;
import cn.zhibu.platform.input.TextKind;
import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON in, strictly: a value must have the type the field declares, or the request is a 400 naming the field
 * ({@link ProblemMapper}). Refused: a fraction for an integer ({@code "orgId": 1.5} used to land on organization 1),
 * a number for an enum (the constants' names only), a string for a number or a boolean ({@code "12"}), a number or a
 * boolean for a string, {@code null} for a primitive, anything after the document. Tolerated: properties the
 * operation does not know (ignored, so that an older server accepts a newer app's requests). Strings are
 * {@linkplain TextKind#normalize normalized}; documents are bounded (1 MB, strings of 100,000 characters, nesting 64).
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfig {

    static final int MAX_DOCUMENT = 1 << 20;
    static final int MAX_STRING = 100_000;
    static final int MAX_NESTING = 64;

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // [null] in a list is refused here, naming the element, not by List.copyOf in a record (a 500)
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("zhibu-text").addDeserializer(String.class, new NormalizedString()));
    }

    @Bean
    JsonFactoryBuilderCustomizer boundedJsonInput() {
        return builder -> builder.streamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(MAX_DOCUMENT).maxStringLength(MAX_STRING).maxNestingDepth(MAX_NESTING).build());
    }

    /** Every JSON string as it will be stored: trimmed, line breaks as LF. */
    static final class NormalizedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return TextKind.normalize(super.deserialize(p, ctxt));
        }
    }
}
