package dev.mx.engine.lint.mlproject;

import dev.mx.engine.yaml.ScalarStyle;
import dev.mx.engine.yaml.YamlAliasNode;
import dev.mx.engine.yaml.YamlMapping;
import dev.mx.engine.yaml.YamlNode;
import dev.mx.engine.yaml.YamlScalar;
import dev.mx.engine.yaml.YamlSequence;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What MLflow's Python sees of a YAML value: PyYAML's {@code safe_load} resolves plain scalars by
 * YAML 1.1 rules ({@code yes} is True, {@code 3.10} is the float 3.1, {@code 010} is 8,
 * {@code 1e-1} stays a string), and MLflow then {@code str()}s parameter values. The engine's
 * own model resolves by YAML 1.2, so MLproject rules use this instead.
 */
final class Py {
    /** A date or timestamp (PyYAML builds a datetime); kept as its text. */
    record Timestamp(String text) {
    }

    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");
    /** Python's float() on text: digits with optional point, exponent, underscores between digits; inf/nan. */
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern PY_FLOAT_TEXT = Pattern.compile("\\s*[-+]?(?:(?:" + DIGITS + "\\.(?:" + DIGITS
            + ")?|\\." + DIGITS + "|" + DIGITS + ")(?:[eE][-+]?" + DIGITS + ")?|inf|infinity|nan)\\s*",
            Pattern.CASE_INSENSITIVE);

    private Py() {
    }

    /** Follows aliases; null when an alias is unresolved. */
    static YamlNode deref(YamlNode n) {
        int guard = 0;
        while (n instanceof YamlAliasNode a && guard++ < 100) {
            n = a.target();
        }
        return n instanceof YamlAliasNode ? null : n;
    }

    /** The Python value of a scalar: String, Long/BigInteger, Double, Boolean, Timestamp or null. */
    static Object scalar(YamlScalar s) {
        String v = s.value();
        String tag = s.tag();
        if (tag != null) {
            if (tag.endsWith(":str") || tag.equals("!")) {
                return v;
            }
            if (tag.endsWith(":null")) {
                return null;
            }
            if (tag.endsWith(":bool") || tag.endsWith(":int") || tag.endsWith(":float")) {
                Object o = plain(v.trim());
                return o == null || o instanceof String ? v : o;
            }
        }
        if (s.style() != ScalarStyle.PLAIN) {
            return v;
        }
        return plain(v);
    }

    /** Resolves the text of an untagged plain scalar as PyYAML's SafeLoader does. */
    static Object plain(String v) {
        if (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL")) {
            return null;
        }
        if (BOOL.matcher(v).matches()) {
            char c = Character.toLowerCase(v.charAt(0));
            return c == 'y' || c == 't' || v.equalsIgnoreCase("on");
        }
        if (INT.matcher(v).matches()) {
            return integer(v.replace("_", ""));
        }
        if (FLOAT.matcher(v).matches()) {
            return floating(v.replace("_", ""));
        }
        if (TIMESTAMP.matcher(v).matches()) {
            return new Timestamp(v);
        }
        return v;
    }

    private static Object integer(String v) {
        int sign = 1;
        if (v.startsWith("-")) {
            sign = -1;
            v = v.substring(1);
        } else if (v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger b;
        if (v.equals("0")) {
            b = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            b = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            b = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            b = new BigInteger(v.substring(1), 8);
        } else if (v.contains(":")) {
            b = BigInteger.ZERO;
            for (String part : v.split(":")) {
                b = b.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
        } else {
            b = new BigInteger(v);
        }
        if (sign < 0) {
            b = b.negate();
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private static Double floating(String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".inf")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals(".nan")) {
            return Double.NaN;
        }
        if (v.contains(":")) {
            int sign = v.startsWith("-") ? -1 : 1;
            String body = v.replaceFirst("^[-+]", "");
            double value = 0;
            for (String part : body.split(":")) {
                value = value * 60 + Double.parseDouble(part);
            }
            return sign * value;
        }
        return Double.parseDouble(v);
    }

    /** Python's type name of a node's value, as MLflow's error messages print it. */
    static String typeName(YamlNode n) {
        n = deref(n);
        if (n instanceof YamlMapping) {
            return "dict";
        }
        if (n instanceof YamlSequence) {
            return "list";
        }
        if (n instanceof YamlScalar s) {
            return typeName(scalar(s));
        }
        return "NoneType";
    }

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof Timestamp t) {
            return t.text().length() > 10 ? "datetime" : "date";
        }
        return "object";
    }

    /** Python truthiness of a node's value (empty collections, "", 0, False and None are false). */
    static boolean truthy(YamlNode n) {
        n = deref(n);
        if (n instanceof YamlMapping m) {
            return !m.entries().isEmpty();
        }
        if (n instanceof YamlSequence s) {
            return !s.items().isEmpty();
        }
        if (n instanceof YamlScalar s) {
            Object v = scalar(s);
            if (v == null) {
                return false;
            }
            if (v instanceof String str) {
                return !str.isEmpty();
            }
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof Long l) {
                return l != 0;
            }
            if (v instanceof Double d) {
                return d != 0;
            }
            return true;
        }
        return false;
    }

    /** The string value of a node when Python sees a str there, else null. */
    static String string(YamlNode n) {
        n = deref(n);
        return n instanceof YamlScalar s && scalar(s) instanceof String str ? str : null;
    }

    /** Python's {@code str()} of a scalar value. */
    static String str(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof Timestamp t) {
            return t.text();
        }
        return v.toString();
    }

    /** Python's repr of a float: shortest digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        int exp = digits.length() - 1 - b.scale();
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) {
            String plainText = b.toPlainString();
            return sign + (plainText.contains(".") ? plainText : plainText + ".0");
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    /** Whether Python's {@code float()} accepts the text. */
    static boolean isFloatText(String s) {
        return PY_FLOAT_TEXT.matcher(s).matches();
    }
}
