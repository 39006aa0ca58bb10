package cn.zhibu.platform.web;

import cn.zhibu.platform.input.InputValidator;
import cn.zhibu.platform.input.TextKind;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.beans.PropertyEditorSupport;
import java.lang.reflect.Type;

/**
 * The input policy at the door, for every controller: form fields and query parameters are normalized as text
 * ({@link TextKind#normalize}: trimmed, line breaks as LF) when bound, as JSON strings are when read
 * ({@link JsonInputConfig}); and every JSON request body is checked against the constraints on its type
 * ({@link InputValidator}) as soon as it is read, so no API operation can forget to — a bad field is a 400 naming
 * it. Page forms are checked with {@code @Valid} on the form, their errors shown beside the fields.
 */
@ControllerAdvice
class InputAdvice extends RequestBodyAdviceAdapter {

    private final InputValidator validator;

    InputAdvice(InputValidator validator) {
        this.validator = validator;
    }

    @InitBinder
    void normalizeText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(TextKind.normalize(text));
            }
        });
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        validator.check(body);
        return body;
    }
}
