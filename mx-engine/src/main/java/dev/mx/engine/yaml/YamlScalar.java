package dev.mx.engine.yaml;

import dev.mx.engine.text.Range;

/** A scalar: plain, quoted or block text. */
public final class YamlScalar extends YamlNode {
    static final String TAG_NULL = "tag:yaml.org,2002:null";

    private final String value;
    private final ScalarStyle style;

    YamlScalar(Range range, String anchor, String tag, String value, ScalarStyle style) {
        super(range, anchor, tag);
        this.value = value;
        this.style = style;
    }

    /** The scalar's text with quotes removed, escapes resolved and lines folded. */
    public String value() {
        return value;
    }

    public ScalarStyle style() {
        return style;
    }

    /**
     * True for plain, untagged {@code ~}, {@code null}, {@code Null}, {@code NULL} or an empty
     * plain value (including a missing value), and for anything tagged {@code !!null}.
     */
    public boolean isNull() {
        if (TAG_NULL.equals(tag())) {
            return true;
        }
        return style == ScalarStyle.PLAIN && tag() == null && CoreSchema.isNull(value);
    }

    /** True when nothing was written: a missing value such as {@code key:} at the end of a line. */
    public boolean isEmpty() {
        return style == ScalarStyle.PLAIN && value.isEmpty() && range().start().equals(range().end());
    }

    /** The core-schema value: Long/BigInteger, Double, Boolean, null or String. */
    @Override
    public Object toJava() {
        return CoreSchema.resolve(this);
    }

    @Override
    String kind() {
        return "scalar";
    }

    @Override
    public String toString() {
        return "scalar@" + range() + "(" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + ")";
    }
}
