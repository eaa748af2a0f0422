package io.khabar.normalize.text;

import org.jsoup.nodes.Entities;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML character references in text, decoded once: {@code &quot;} is {@code "}, {@code &#1587;} is {@code س},
 * {@code &#x27;} is {@code '}, {@code &nbsp;} a no-break space. A producer's title or text body that carries them
 * (SaudiNewsNet's titles do) means the characters, not the references.
 * <ul>
 *   <li>Once: {@code &amp;quot;} becomes {@code &quot;}, never {@code "}.</li>
 *   <li>Only complete references, ending with {@code ;}, and only names HTML defines: {@code AT&T}, {@code &copy}
 *       and {@code Barnes&noble} stay as written (HTML's legacy references without a semicolon would make
 *       {@code &not} of the last one a ¬), and so does {@code &madeup;}.</li>
 *   <li>Numbers as HTML reads them: zero, surrogates and values past U+10FFFF are U+FFFD (never a NUL, which no
 *       database text holds), and 128-159 are windows-1252's characters ({@code &#150;} is –).</li>
 * </ul>
 * Tags are not touched: {@code &lt;b&gt;} becomes the four characters {@code <b>}.
 */
public final class CharacterReferences {
    private static final Pattern REFERENCE = Pattern.compile(
            "&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,8})|([A-Za-z][A-Za-z0-9]{1,31}));");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharacterReferences() {
    }

    /** {@code text} with its character references decoded, once; null stays null. */
    public static String decode(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String decoded = m.group(3) != null ? named(m.group(3))
                    : codePoint(m.group(1) != null ? Long.parseLong(m.group(1)) : Long.parseLong(m.group(2), 16));
            if (decoded == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, m.start()).append(decoded);
            last = m.end();
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    private static String named(String name) {
        return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
    }

    private static String codePoint(long n) {
        if (n == 0 || n > Character.MAX_CODE_POINT || n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE) {
            return "\uFFFD";
        }
        if (n >= 0x80 && n <= 0x9F) {
            String c = WINDOWS_1252.decode(ByteBuffer.wrap(new byte[]{(byte) n})).toString();
            if (!c.equals("\uFFFD")) {
                return c;
            }
        }
        return new String(Character.toChars((int) n));
    }
}
