/**
 * The input policy every module applies to what users send: the kinds of text field ({@link TextKind}) with their
 * constraint annotations ({@link NameText}, {@link ShortText}, {@link NoteText}, {@link LongText}), dates within sense
 * ({@link SensibleDate}), and the validator that checks a request, a form or an import row against them
 * ({@link InputValidator}). The database repeats the text limits as check constraints (V19).
 */
@org.springframework.modulith.NamedInterface("input")
package cn.zhibu.platform.input;
