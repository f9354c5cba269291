package dev.mx.engine.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.MxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxedTemplatesTest {
    @TempDir
    Path dir;

    @Test
    void squareBracketSyntaxKeepsDollarBracesLiteral() {
        SandboxedTemplates t = new SandboxedTemplates(dir, "gen");
        String out = t.renderText("name = \"[=name]\" # ${var.region} [#if gpu]gpu[/#if]",
                Map.of("name", "demo", "gpu", true), "test");
        assertEquals("name = \"demo\" # ${var.region} gpu", out);
    }

    @Test
    void newBuiltinCannotReachExecute() throws Exception {
        Path marker = dir.resolve("pwned");
        Files.writeString(dir.resolve("evil.ftl"),
                "[#assign ex = \"freemarker.template.utility.Execute\"?new()][=ex(\"touch " + marker + "\")]");
        SandboxedTemplates t = new SandboxedTemplates(dir, "gen");
        MxException e = assertThrows(MxException.class, () -> t.renderFile("evil.ftl", Map.of()));
        assertTrue(e.describe().startsWith("gen/evil.ftl:1:"), e.describe());
        assertFalse(Files.exists(marker), "the Execute trick ran a command");
    }

    @Test
    void objectConstructorAndApiAreRefused() {
        SandboxedTemplates t = new SandboxedTemplates(dir, "gen");
        assertThrows(MxException.class, () -> t.renderText(
                "[#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()][=oc(\"java.io.File\", \"/\")]",
                Map.of(), "test"));
        assertThrows(MxException.class, () -> t.renderText("[=name?api.getClass()]", Map.of("name", "x"), "test"));
    }

    @Test
    void undefinedVariablesAreErrorsWithPosition() throws Exception {
        Files.writeString(dir.resolve("t.ftl"), "line one\nvalue: [=missing]\n");
        SandboxedTemplates t = new SandboxedTemplates(dir, "gen");
        MxException e = assertThrows(MxException.class, () -> t.renderFile("t.ftl", Map.of()));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void includesCannotLeaveTheGenerator() throws Exception {
        Path gen = Files.createDirectory(dir.resolve("gen"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(gen.resolve("a.ftl"), "[#include \"../secret.txt\"]");
        Files.createSymbolicLink(gen.resolve("link.txt"), dir.resolve("secret.txt"));
        Files.writeString(gen.resolve("b.ftl"), "[#include \"link.txt\"]");
        SandboxedTemplates t = new SandboxedTemplates(gen, "gen");
        assertThrows(MxException.class, () -> t.renderFile("a.ftl", Map.of()));
        MxException e = assertThrows(MxException.class, () -> t.renderFile("b.ftl", Map.of()));
        assertFalse(e.getMessage().contains("secret\n"));
    }

    @Test
    void booleanExpressions() {
        SandboxedTemplates t = new SandboxedTemplates(dir, "gen");
        assertTrue(t.test("cloud == \"gcp\"", Map.of("cloud", "gcp"), "w"));
        assertFalse(t.test("cloud == \"gcp\" && applied?seq_contains(\"x\")",
                Map.of("cloud", "gcp", "applied", List.of()), "w"));
    }

    @Test
    void importsAndAbsoluteIncludesCannotLeaveTheGenerator() throws Exception {
        Path gen = Files.createDirectory(dir.resolve("gen"));
        Files.writeString(dir.resolve("lib.ftl"), "[#macro leak]secret[/#macro]");
        Files.writeString(gen.resolve("lib.ftl"), "[#macro ok]fine[/#macro]");
        Files.writeString(gen.resolve("up.ftl"), "[#import \"../lib.ftl\" as l][@l.leak/]");
        Files.writeString(gen.resolve("abs.ftl"), "[#include \"" + dir.resolve("lib.ftl") + "\"]");
        Files.writeString(gen.resolve("in.ftl"), "[#import \"/lib.ftl\" as l][@l.ok/]");
        SandboxedTemplates t = new SandboxedTemplates(gen, "gen");
        assertThrows(MxException.class, () -> t.renderFile("up.ftl", Map.of()));
        assertThrows(MxException.class, () -> t.renderFile("abs.ftl", Map.of()));
        assertEquals("fine", t.renderFile("in.ftl", Map.of()), "'/' is the generator's own root");
        Files.createSymbolicLink(gen.resolve("linked.ftl"), dir.resolve("lib.ftl"));
        Files.writeString(gen.resolve("via-link.ftl"), "[#import \"linked.ftl\" as l][@l.leak/]");
        assertThrows(MxException.class, () -> t.renderFile("via-link.ftl", Map.of()));
        assertThrows(MxException.class, () -> t.renderFile("linked.ftl", Map.of()), "a linked template itself");
    }

    /**
     * A template may hand an answer to {@code ?eval} or {@code ?interpret}; what that evaluates still runs
     * in the same sandbox: no class resolution, no {@code ?api}, includes confined.
     */
    @Test
    void evalAndInterpretOfAnAnswerStayInTheSandbox() throws Exception {
        Path gen = Files.createDirectory(dir.resolve("gen"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Path marker = dir.resolve("pwned");
        String execute = "\"freemarker.template.utility.Execute\"?new()(\"touch " + marker + "\")";
        SandboxedTemplates t = new SandboxedTemplates(gen, "gen");
        assertThrows(MxException.class, () -> t.renderText("[=answer?eval]", Map.of("answer", execute), "w"));
        assertThrows(MxException.class, () -> t.renderText("[#assign x = answer?interpret][@x/]",
                Map.of("answer", "[#assign e = " + execute.replace("(\"touch " + marker + "\")", "") + "][=e(\"touch "
                        + marker + "\")]"), "w"));
        assertThrows(MxException.class, () -> t.renderText("[#assign x = answer?interpret][@x/]",
                Map.of("answer", "[#include \"../secret.txt\"]"), "w"));
        assertThrows(MxException.class, () -> t.renderText("[=answer?eval]",
                Map.of("answer", "name?api.getClass()", "name", "x"), "w"));
        assertFalse(Files.exists(marker), "an evaluated answer ran a command");
        // plain interpolation never evaluates: the text comes out as it went in
        assertEquals("[=1+1] ${x}", t.renderText("[=answer]", Map.of("answer", "[=1+1] ${x}"), "w"));
    }
}
