package cn.zhibu.platform.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code zb:aria} on the control of a {@code fragments/field} field: ties the control to the field's error and help
 * text ({@code aria-describedby}), and marks it invalid ({@code aria-invalid}, Bootstrap's {@code is-invalid}) when
 * the field has an error. The fragment puts the ids in {@code fieldErrorId} and {@code fieldHelpId}; one place
 * decides the accessible shape of every form field, so no page spells these attributes itself.
 */
@Component
class FieldAriaDialect extends AbstractProcessorDialect {

    FieldAriaDialect() {
        super("Zhibu form fields", "zb", StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new AriaProcessor(dialectPrefix));
    }

    private static final class AriaProcessor extends AbstractAttributeTagProcessor {

        AriaProcessor(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "aria", true, StandardDialect.PROCESSOR_PRECEDENCE, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structure) {
            Object errorId = context.getVariable("fieldErrorId");
            Object helpId = context.getVariable("fieldHelpId");
            StringJoiner describedBy = new StringJoiner(" ");
            if (errorId != null) {
                describedBy.add(errorId.toString());
            }
            if (helpId != null) {
                describedBy.add(helpId.toString());
            }
            if (describedBy.length() > 0) {
                structure.setAttribute("aria-describedby", describedBy.toString());
            }
            if (errorId != null) {
                structure.setAttribute("aria-invalid", "true");
                String css = tag.getAttributeValue("class");
                structure.setAttribute("class", css == null ? "is-invalid" : css + " is-invalid");
            }
        }
    }
}
