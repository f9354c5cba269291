package dev.mx.engine.yaml;

import java.util.Arrays;

/**
 * Maps snakeyaml-engine mark indexes (code points of the parsed text) to UTF-16 offsets of the
 * original text (which may have had a byte order mark stripped before parsing).
 */
final class OffsetMapper {
    /** code point indexes (ascending) of supplementary characters in the parsed text */
    private final int[] supplementary;
    private final int shift;

    private OffsetMapper(int[] supplementary, int shift) {
        this.supplementary = supplementary;
        this.shift = shift;
    }

    static OffsetMapper of(CharSequence parsed, int shift) {
        int[] supp = new int[0];
        int n = 0;
        int cp = 0;
        int len = parsed.length();
        for (int i = 0; i < len; i++, cp++) {
            char c = parsed.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(parsed.charAt(i + 1))) {
                if (n == supp.length) {
                    supp = Arrays.copyOf(supp, Math.max(16, n * 2));
                }
                supp[n++] = cp;
                i++;
            }
        }
        return new OffsetMapper(Arrays.copyOf(supp, n), shift);
    }

    /** UTF-16 offset in the original text of the code point at {@code cpIndex} of the parsed text. */
    int offset(int cpIndex) {
        if (supplementary.length == 0) {
            return cpIndex + shift;
        }
        int idx = Arrays.binarySearch(supplementary, cpIndex);
        int before = idx >= 0 ? idx : -idx - 1;
        return cpIndex + before + shift;
    }
}
