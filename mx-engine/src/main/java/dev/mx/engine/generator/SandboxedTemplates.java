package dev.mx.engine.generator;

import dev.mx.engine.MxException;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.core.TemplateClassResolver;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * FreeMarker configured for templates written by someone else: no class resolution (so
 * {@code ?new} cannot reach {@code Execute}), no {@code ?api}, only plain data in the model,
 * undefined variables are errors, and includes cannot leave the generator's directory.
 * Square-bracket syntax keeps {@code ${...}} of Terraform, DevSpace and shells literal.
 */
public final class SandboxedTemplates {
    private final Configuration cfg;
    private final Path root;
    private final String displayRoot;

    public SandboxedTemplates(Path root, String displayRoot) {
        this.root = root;
        this.displayRoot = displayRoot;
        this.cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        cfg.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setLocalizedLookup(false);
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateLoader(new ConfinedLoader(root));
    }

    /** Renders the template file at {@code relativePath} inside the generator. */
    public String renderFile(String relativePath, Map<String, Object> model) {
        String where = displayRoot + "/" + relativePath;
        try {
            Template t = cfg.getTemplate(relativePath);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw MxException.at(where, e.getLineNumber() - 1, e.getColumnNumber() - 1, clean(e.getEditorMessage()));
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer col = e.getColumnNumber();
            throw MxException.at(where, line == null ? -1 : line - 1, col == null ? -1 : col - 1,
                    clean(e.getMessageWithoutStackTop()));
        } catch (java.io.FileNotFoundException e) {
            throw MxException.at(displayRoot, -1, -1, "template not found: " + relativePath);
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, where, -1, -1, "cannot read template: " + e.getMessage(), e);
        }
    }

    /** Renders a short inline template such as a default value or a file name. */
    public String renderText(String text, Map<String, Object> model, String where) {
        try {
            Template t = new Template(where, new StringReader(text), cfg);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw MxException.at(where, -1, -1, "in '" + text + "': " + clean(e.getEditorMessage()));
        } catch (TemplateException e) {
            throw MxException.at(where, -1, -1, "in '" + text + "': " + clean(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new MxException(MxException.Kind.IO, where + ": " + e.getMessage(), e);
        }
    }

    /** Evaluates a boolean expression such as {@code cloud == "gcp"}. */
    public boolean test(String expression, Map<String, Object> model, String where) {
        String out = renderText("[#if (" + expression + ")]true[#else]false[/#if]", model, where);
        return out.equals("true");
    }

    private static String clean(String message) {
        if (message == null) {
            return "template error";
        }
        // FreeMarker appends tips and a "----" separated trace; people need the first paragraph.
        String m = message.strip();
        int sep = m.indexOf("\n----");
        if (sep > 0) {
            m = m.substring(0, sep);
        }
        return m.replace("\n\n", "\n").strip();
    }

    /** Loads templates only from inside {@code root}; symlinks that lead out are refused. */
    private static final class ConfinedLoader implements TemplateLoader {
        private final Path root;
        private final Path realRoot;

        ConfinedLoader(Path root) {
            this.root = root.normalize();
            Path r;
            try {
                r = root.toRealPath();
            } catch (IOException e) {
                r = this.root;
            }
            this.realRoot = r;
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            Path p = root.resolve(name).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                return null;
            }
            Path real = p.toRealPath();
            if (!real.startsWith(realRoot)) {
                return null;
            }
            return real;
        }

        @Override
        public long getLastModified(Object source) {
            try {
                return Files.getLastModifiedTime((Path) source, LinkOption.NOFOLLOW_LINKS).toMillis();
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return new StringReader(Files.readString((Path) source, StandardCharsets.UTF_8));
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }
}
