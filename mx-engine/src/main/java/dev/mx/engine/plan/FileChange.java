package dev.mx.engine.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What applying a plan does to one file.
 *
 * @param before the file's content now, or null if it does not exist
 * @param after the content after applying, or null for a deletion
 * @param keys for shared manifests: the keys added ({@code +}), replaced ({@code ~}) or in conflict ({@code !})
 * @param reason why a file is in conflict or kept, for people; may be null
 */
public record FileChange(String path, Kind kind, byte[] before, byte[] after, List<String> keys, String reason) {

    public enum Kind {
        /** A new file. */
        CREATE,
        /** mx's own file or keys, changed because the generator's output changed. */
        UPDATE,
        /** Already as the generator would write it. */
        UNCHANGED,
        /** A file mx wrote earlier that the generator no longer renders, unchanged since: removed. */
        DELETE,
        /** The user changed what mx wrote, or the file is not mx's: never overwritten without --force. */
        CONFLICT
    }

    public FileChange {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    public boolean writes() {
        return kind != Kind.UNCHANGED && !(before != null && after != null && Arrays.equals(before, after));
    }

    /** A unified diff from the current content to the planned one ("binary" for non-text files). */
    public String diff() {
        String a = text(before);
        String b = text(after);
        if ((before != null && a == null) || (after != null && b == null)) {
            return "Binary file " + path + " " + (before == null ? "created" : after == null ? "deleted" : "differs")
                    + "\n";
        }
        List<String> left = a == null ? List.of() : a.lines().toList();
        List<String> right = b == null ? List.of() : b.lines().toList();
        Patch<String> patch = DiffUtils.diff(left, right);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : "a/" + path,
                after == null ? "/dev/null" : "b/" + path, left, patch, 3);
        return String.join("\n", lines) + "\n";
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
