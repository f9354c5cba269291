package dev.mx.engine.lint.mlproject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python behaviour the MLproject rules model: PyYAML 1.1 scalars, str(), str.format and shlex. */
class PythonSemanticsTest {
    @Test
    void pyyamlResolvesPlainScalarsByYaml11() {
        assertEquals(Boolean.TRUE, Py.plain("yes"));
        assertEquals(Boolean.FALSE, Py.plain("Off"));
        assertEquals("y", Py.plain("y"));
        assertEquals(3.1, Py.plain("3.10"));
        assertEquals("1e-1", Py.plain("1e-1"));
        assertEquals(100000.0, Py.plain("1.0e+5"));
        assertEquals("1.0e5", Py.plain("1.0e5"));
        assertEquals(8L, Py.plain("010"));
        assertEquals("0o10", Py.plain("0o10"));
        assertEquals("09", Py.plain("09"));
        assertEquals(1000L, Py.plain("1_000"));
        assertEquals(90L, Py.plain("1:30"));
        assertEquals(0.5, Py.plain(".5"));
        assertEquals("-.5", Py.plain("-.5"));
        assertEquals("None", Py.plain("None"));
        assertNull(Py.plain("~"));
        assertNull(Py.plain(""));
        assertEquals(new Py.Timestamp("2021-06-16"), Py.plain("2021-06-16"));
    }

    @Test
    void strOfValuesIsPythons() {
        assertEquals("3.1", Py.str(3.1));
        assertEquals("0.0", Py.str(0.0));
        assertEquals("100000.0", Py.str(100000.0));
        assertEquals("1e-05", Py.str(1e-5));
        assertEquals("0.0001", Py.str(1e-4));
        assertEquals("1e+16", Py.str(1e16));
        assertEquals("1.5e+20", Py.str(1.5e20));
        assertEquals("-2.5", Py.str(-2.5));
        assertEquals("True", Py.str(true));
        assertEquals("None", Py.str(null));
        assertEquals("inf", Py.str(Double.POSITIVE_INFINITY));
    }

    @Test
    void floatAcceptsWhatPythonsFloatAccepts() {
        for (String ok : List.of("1", "1.5", ".5", "5.", "1e-1", "1E5", "-2.5e+3", "1_000.5", "inf", "-Infinity",
                "nan", " 3 ")) {
            assertTrue(Py.isFloatText(ok), ok);
        }
        for (String bad : List.of("abc", "1__0", "_1", "1.2.3", "", "e5", "0x10", "1,5")) {
            assertFalse(Py.isFloatText(bad), bad);
        }
    }

    @Test
    void formatStringFieldsAndErrors() {
        FormatString.Parsed p = FormatString.parse("a {x} {{lit}} {y:.2f} {z!r} {w:{width}} {a.b} {c[0]}");
        assertNull(p.error());
        assertEquals(List.of("x", "y", "z", "w", "width", "a", "c"),
                p.fields().stream().map(FormatString.Field::argName).toList());
        assertEquals(".2f", p.fields().get(1).spec());
        assertEquals('r', p.fields().get(2).conversion());
        assertEquals(".b", p.fields().get(5).accessor());
        assertEquals("Single '}' encountered in format string", FormatString.parse("a }").error());
        assertEquals("Single '{' encountered in format string", FormatString.parse("a {").error());
        assertEquals("expected '}' before end of string", FormatString.parse("a {b c").error());
        assertEquals("unexpected '{' in field name", FormatString.parse("{a{b}}").error());
        assertEquals("Unknown conversion specifier x", FormatString.parse("{a!x}").error());
        assertTrue(FormatString.parse("{} {0}").fields().stream().allMatch(FormatString.Field::positional));
        assertEquals("test-size", FormatString.parse("{test-size}").fields().get(0).argName());
    }

    @Test
    void formatSpecsOnStrings() {
        assertEquals("Unknown format code 'f' for object of type 'str'", FormatString.specError(".2f"));
        assertEquals("Sign not allowed in string format specifier", FormatString.specError("+"));
        assertEquals("Cannot specify ',' with 's'.", FormatString.specError(","));
        assertEquals("'=' alignment not allowed in string format specifier", FormatString.specError("=10"));
        assertNull(FormatString.specError(">10"));
        assertNull(FormatString.specError("s"));
        assertNull(FormatString.specError(".3"));
    }

    @Test
    void shlexWordsAndShellSyntax() {
        assertEquals(List.of("a", "b c", "d\"e", "f\\g", "h i"),
                Shell.split("a 'b c' \"d\\\"e\" 'f\\g' h\\ i").stream().map(Shell.Word::text).toList());
        assertNull(Shell.split("a 'b"));
        assertEquals(List.of("&&", "|", "redirect", "variable", "command substitution", ";"),
                Shell.syntax("a && b | c > f $X `y`; z '&& $NO' \"\\$no\"").stream().map(Shell.Syntax::what)
                        .toList());
    }
}
