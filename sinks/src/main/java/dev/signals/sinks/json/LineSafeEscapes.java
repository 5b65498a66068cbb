package dev.signals.sinks.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * JSON's own escapes (quote, backslash, U+0000 to U+001F) plus the characters that some
 * line readers take as a line break although JSON does not require escaping them:
 * U+0085 NEXT LINE, U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR (JavaScript before
 * ES2019, Python's {@code str.splitlines}, many editors). Escaped, they cannot split a line.
 */
final class LineSafeEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private static final int[] ASCII = standardAsciiEscapesForJSON();
    private static final SerializedString NEL = new SerializedString("\\u0085");
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        // Called for every non-ASCII character: keep it a few comparisons.
        switch (ch) {
            case 0x85: return NEL;
            case 0x2028: return LINE_SEPARATOR;
            case 0x2029: return PARAGRAPH_SEPARATOR;
            default: return null;
        }
    }
}
