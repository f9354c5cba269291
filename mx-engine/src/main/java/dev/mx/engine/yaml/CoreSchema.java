package dev.mx.engine.yaml;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** Scalar resolution by the YAML 1.2 core schema. */
final class CoreSchema {
    static final String TAG_STR = "tag:yaml.org,2002:str";
    static final String TAG_INT = "tag:yaml.org,2002:int";
    static final String TAG_FLOAT = "tag:yaml.org,2002:float";
    static final String TAG_BOOL = "tag:yaml.org,2002:bool";

    private static final Pattern DEC = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCT = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern INF = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(nan|NaN|NAN)");

    private CoreSchema() {
    }

    static boolean isNull(String v) {
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    static Boolean bool(String v) {
        return switch (v) {
            case "true", "True", "TRUE" -> Boolean.TRUE;
            case "false", "False", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    static Object resolve(YamlScalar s) {
        String v = s.value();
        String tag = s.tag();
        if (tag == null) {
            return s.style() == ScalarStyle.PLAIN ? resolvePlain(v) : v;
        }
        switch (tag) {
            case TAG_STR, "!":
                return v;
            case YamlScalar.TAG_NULL:
                return null;
            case TAG_BOOL: {
                Boolean b = bool(v.trim());
                return b != null ? b : v;
            }
            case TAG_INT: {
                Object n = integer(v.trim());
                return n != null ? n : v;
            }
            case TAG_FLOAT: {
                Object n = floating(v.trim());
                if (n == null) {
                    Object i = integer(v.trim());
                    n = i == null ? null : Double.valueOf(((Number) i).doubleValue());
                }
                return n != null ? n : v;
            }
            default:
                return s.style() == ScalarStyle.PLAIN ? resolvePlain(v) : v;
        }
    }

    /** Resolves an untagged plain scalar. */
    static Object resolvePlain(String v) {
        if (v.isEmpty()) {
            return null;
        }
        char c = v.charAt(0);
        if (!((c >= '0' && c <= '9') || "+-.~nNtTfF".indexOf(c) >= 0)) {
            return v;
        }
        if (isNull(v)) {
            return null;
        }
        Boolean b = bool(v);
        if (b != null) {
            return b;
        }
        Object n = integer(v);
        if (n != null) {
            return n;
        }
        n = floating(v);
        return n != null ? n : v;
    }

    /** Whether an untagged plain scalar with this text would be read as something other than a string. */
    static boolean resolvesToNonString(String v) {
        return !(resolvePlain(v) instanceof String);
    }

    private static Object integer(String v) {
        if (DEC.matcher(v).matches()) {
            return number(new BigInteger(v.startsWith("+") ? v.substring(1) : v));
        }
        if (OCT.matcher(v).matches()) {
            return number(new BigInteger(v.substring(2), 8));
        }
        if (HEX.matcher(v).matches()) {
            return number(new BigInteger(v.substring(2), 16));
        }
        return null;
    }

    private static Object number(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private static Object floating(String v) {
        if (FLOAT.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        if (INF.matcher(v).matches()) {
            return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(v).matches()) {
            return Double.NaN;
        }
        return null;
    }
}
