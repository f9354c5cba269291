package dev.mx.cli;

import static dev.mx.cli.Cli.SKELETON;
import static dev.mx.cli.Cli.assertSameFiles;
import static dev.mx.cli.Cli.read;
import static dev.mx.cli.Cli.run;
import static dev.mx.cli.Cli.snapshot;
import static dev.mx.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mx.engine.state.ProjectState;
import dev.mx.engine.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mx new} and {@code mx generate} in-process, on real directories. */
class NewAndGenerateTest {
    @TempDir
    Path tmp;

    @Test
    void newCreatesTheProjectAndItsState() {
        Path dir = tmp.resolve("demo");
        Cli.Result r = run("new", SKELETON, dir.toString()).expect(0).noStackTrace();

        assertTrue(r.out().contains("Applied " + SKELETON), r::toString);
        assertTrue(r.out().contains("Next steps:"), r::toString);
        assertEquals("", r.err(), "a successful run prints nothing on stderr");
        for (String f : new String[] {"devspace.yaml", "MLproject", "Dockerfile", "train_job.yaml",
            "src/demo/train.py", "terraform/gke.tf", ".mx/state.yaml"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " was not created");
        }
        // nothing of the transaction or the lock is left behind
        for (String f : new String[] {".mx/lock", ".mx/journal.json", ".mx/committed.json"}) {
            assertFalse(Files.exists(dir.resolve(f)), f + " left behind");
        }
        assertTrue(snapshot(dir).keySet().stream().noneMatch(p -> p.contains(".mx-new-") || p.contains(".mx-old-")),
                "staged or backup files left behind");

        ProjectState state = StateFile.read(dir);
        assertEquals("demo", state.answers().get("project_name"), "the directory name is the default project name");
        assertEquals(1, state.generators().size());
        assertEquals(SKELETON, state.generators().get(0).id());
        // every generated file is recorded with its hash
        assertTrue(state.generators().get(0).files().containsKey("train_job.yaml"));
    }

    @Test
    void generateAgainChangesNothing() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Map<String, String> before = snapshot(dir);

        Cli.Result r = run("generate", SKELETON, "-C", dir.toString()).expect(0).noStackTrace();
        assertTrue(r.out().contains("nothing changed"), r::toString);
        assertSameFiles(before, dir);

        // the short alias, and a --set equal to the recorded answer, are no-ops too
        run("g", SKELETON, "-C", dir.toString(), "--set", "gpu_count=1").expect(0);
        assertSameFiles(before, dir);
    }

    @Test
    void userCommentsInDevspaceSurviveAChangedAnswer() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Path devspace = dir.resolve("devspace.yaml");
        String original = read(devspace);
        String edited = "# my comment at the top\n" + original
                .replace("\nimages:\n", "\n# my comment before images\nimages:\n")
                .replace("\ndeployments:\n", "\n# my comment before deployments\ndeployments:\n");
        assertNotEquals(original, edited, "the test did not find the lines to comment");
        write(devspace, edited);

        Cli.Result r = run("generate", SKELETON, "-C", dir.toString(), "--set", "gpu_count=2").expect(0).noStackTrace();
        assertTrue(r.out().contains("train_job.yaml"), r::toString);
        assertTrue(read(dir.resolve("train_job.yaml")).contains("nvidia.com/gpu: 2"));
        assertEquals(2L, ((Number) StateFile.read(dir).answers().get("gpu_count")).longValue());
        assertEquals(edited, read(devspace), "devspace.yaml has no change from gpu_count; it stays as the user left it");

        // an answer that does change a key mx owns in devspace.yaml: the key is updated, the comments stay
        run("generate", SKELETON, "-C", dir.toString(), "--set", "namespace=other-ns").expect(0).noStackTrace();
        String after = read(devspace);
        assertTrue(after.contains("namespace: other-ns"), after);
        for (String c : new String[] {"# my comment at the top", "# my comment before images",
            "# my comment before deployments"}) {
            assertEquals(1, Cli.count(after, c), "'" + c + "' lost or duplicated:\n" + after);
        }
        // and applying the same answers again is a no-op
        Map<String, String> settled = snapshot(dir);
        run("generate", SKELETON, "-C", dir.toString()).expect(0);
        assertSameFiles(settled, dir);
    }

    @Test
    void updatingAManifestKeyDoesNotDuplicateItsComment() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Path devspace = dir.resolve("devspace.yaml");
        String comment = "# MLflow tracking server + Postgres (k8s/training-infrastructure/)";
        assertEquals(1, Cli.count(read(devspace), comment));
        run("generate", SKELETON, "-C", dir.toString(), "--set", "namespace=other-ns").expect(0);
        run("generate", SKELETON, "-C", dir.toString(), "--set", "namespace=third-ns").expect(0);
        assertEquals(1, Cli.count(read(devspace), comment), read(devspace));
    }

    @Test
    void aManifestKeyNoLongerRenderedIsRemoved() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        run("generate", SKELETON, "-C", dir.toString(), "--set", "gpu_driver=gke-managed").expect(0);
        assertFalse(Files.exists(dir.resolve("k8s/cuda-drivers/daemonset-preloaded-latest.yaml")));
        String devspace = read(dir.resolve("devspace.yaml"));
        assertFalse(devspace.contains("cuda-drivers:"), devspace);
    }

    @Test
    void newIntoANonEmptyDirectoryIsRefusedAndTouchesNothing() throws IOException {
        Path dir = tmp.resolve("existing");
        write(dir.resolve("notes.txt"), "mine\n");
        Map<String, String> before = snapshot(dir);

        Cli.Result r = run("new", SKELETON, dir.toString()).expect(2).noStackTrace();
        assertTrue(r.err().contains("is not empty"), r::toString);
        assertTrue(r.err().contains("mx generate " + SKELETON + " -C"), "suggests generate -C: " + r);
        assertEquals("", r.out());
        assertSameFiles(before, dir);
        assertFalse(Files.exists(dir.resolve(".mx")));
    }

    @Test
    void newIntoAnEmptyDirectoryOrOneWithOnlyGitWorks() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        run("new", SKELETON, empty.toString()).expect(0);
        assertTrue(Files.isRegularFile(empty.resolve(".mx/state.yaml")));

        Path withGit = Files.createDirectories(tmp.resolve("withgit/.git")).getParent();
        run("new", SKELETON, withGit.toString()).expect(0);
        assertTrue(Files.isRegularFile(withGit.resolve(".mx/state.yaml")));
    }

    @Test
    void newOntoAFileIsAnInputError() {
        Path file = tmp.resolve("afile");
        write(file, "x");
        Cli.Result r = run("new", SKELETON, file.toString()).expect(2).noStackTrace();
        assertTrue(r.err().contains("not a directory"), r::toString);
        assertEquals("x", read(file));
    }

    @Test
    void newWithAnInvalidValueNamesTheParameterAndLeavesNoDirectory() {
        Path dir = tmp.resolve("bad");
        Cli.Result r = run("new", SKELETON, dir.toString(), "--set", "project_name=Bad_Name").expect(2).noStackTrace();
        assertTrue(r.err().contains("project_name"), r::toString);
        assertTrue(r.err().contains("Bad_Name"), r::toString);
        assertFalse(Files.exists(dir), "the failed new project directory was left behind");
    }

    @Test
    void newIntoAnExistingEmptyDirectoryThatFailsLeavesItEmpty() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("keep"));
        run("new", SKELETON, dir.toString(), "--set", "gpu_count=99").expect(2).noStackTrace();
        assertTrue(Files.isDirectory(dir), "a directory the user made is not removed");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "nothing written into it");
        }
    }

    @Test
    void unknownGeneratorSuggestsTheClosestOne() {
        Path dir = tmp.resolve("x");
        Cli.Result r = run("new", "ml-project-skeletn", dir.toString()).expect(2).noStackTrace();
        assertTrue(r.err().contains("unknown generator 'ml-project-skeletn'"), r::toString);
        assertTrue(r.err().contains("did you mean '" + SKELETON + "'"), r::toString);
        assertFalse(Files.exists(dir));

        Path project = Cli.newProject(tmp.resolve("p"));
        Map<String, String> before = snapshot(project);
        Cli.Result g = run("generate", "ml-skeleton", "-C", project.toString()).expect(2).noStackTrace();
        assertTrue(g.err().contains("unknown generator"), g::toString);
        assertSameFiles(before, project);
    }

    @Test
    void setWithoutEqualsIsAUsageError() {
        Path project = Cli.newProject(tmp.resolve("p"));
        Map<String, String> before = snapshot(project);

        Cli.Result r = run("generate", SKELETON, "-C", project.toString(), "--set", "gpu_count").expect(2).noStackTrace();
        assertTrue(r.err().contains("--set expects KEY=VALUE, got 'gpu_count'"), r::toString);
        assertTrue(r.err().contains("mx generate --help"), "points at the command's help: " + r);
        assertEquals("", r.out());

        run("generate", SKELETON, "-C", project.toString(), "--set", "=2").expect(2).noStackTrace();
        Cli.Result twice = run("generate", SKELETON, "-C", project.toString(), "--set", "gpu_count=2", "--set",
                "gpu_count=4").expect(2).noStackTrace();
        assertTrue(twice.err().contains("given twice"), twice::toString);
        assertSameFiles(before, project);

        Path fresh = tmp.resolve("fresh");
        run("new", SKELETON, fresh.toString(), "--set", "cloud").expect(2).noStackTrace();
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aValueWithEqualsSignsKeepsThem() {
        // the value is everything after the first '=': here an invalid one, reported with its '='
        Path project = Cli.newProject(tmp.resolve("p"));
        Cli.Result r = run("generate", SKELETON, "-C", project.toString(), "--set", "region=a=b").expect(2)
                .noStackTrace();
        assertTrue(r.err().contains("'a=b'"), r::toString);
    }

    @Test
    void aUserModifiedFileIsAConflictAndNothingIsWritten() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Path job = dir.resolve("train_job.yaml");
        write(job, read(job) + "# my change\n");
        Map<String, String> before = snapshot(dir);

        Cli.Result r = run("generate", SKELETON, "-C", dir.toString()).expect(1).noStackTrace();
        assertTrue(r.err().contains("not applied"), r::toString);
        assertTrue(r.err().contains("train_job.yaml"), r::toString);
        assertTrue(r.err().contains("--force"), "says how to go on: " + r);
        assertTrue(r.out().contains("conflict  train_job.yaml"), r::toString);
        assertSameFiles(before, dir);

        // all or nothing: a changed answer that would also update other files writes none of them
        run("generate", SKELETON, "-C", dir.toString(), "--set", "gpu_count=2").expect(1).noStackTrace();
        assertSameFiles(before, dir);
    }

    @Test
    void dryRunPrintsAUnifiedDiffAndWritesNothing() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Map<String, String> before = snapshot(dir);

        Cli.Result r = run("generate", SKELETON, "-C", dir.toString(), "--set", "gpu_count=2", "--dry-run").expect(0)
                .noStackTrace();
        String out = r.out();
        assertTrue(out.contains("--- a/train_job.yaml\n+++ b/train_job.yaml\n@@ "), out);
        assertTrue(out.contains("\n-              nvidia.com/gpu: 1\n"), out);
        assertTrue(out.contains("\n+              nvidia.com/gpu: 2\n"), out);
        assertTrue(out.contains("--- a/.mx/state.yaml"), out);
        assertTrue(out.contains("Dry run: nothing was written."), out);
        assertSameFiles(before, dir);

        // a dry run of a plan with conflicts shows them and exits 1
        Path job = dir.resolve("train_job.yaml");
        write(job, read(job) + "# my change\n");
        Map<String, String> edited = snapshot(dir);
        Cli.Result c = run("generate", SKELETON, "-C", dir.toString(), "--dry-run").expect(1).noStackTrace();
        assertTrue(c.out().contains("conflict  train_job.yaml"), c::toString);
        assertTrue(c.out().contains("-# my change"), c::toString);
        assertSameFiles(edited, dir);
    }

    @Test
    void dryRunOfNewCreatesNoDirectory() {
        Path dir = tmp.resolve("planned");
        Cli.Result r = run("new", SKELETON, dir.toString(), "--dry-run").expect(0).noStackTrace();
        assertTrue(r.out().contains("+++ b/devspace.yaml"), r::toString);
        assertTrue(r.out().contains("Dry run: nothing was written."), r::toString);
        assertFalse(Files.exists(dir));
    }

    @Test
    void forceOverwritesAndKeepsTheUsersVersionAsOrig() {
        Path dir = Cli.newProject(tmp.resolve("demo"));
        Path job = dir.resolve("train_job.yaml");
        String mine = read(job) + "# my change\n";
        write(job, mine);

        Cli.Result r = run("generate", SKELETON, "-C", dir.toString(), "--set", "gpu_count=2", "--force").expect(0)
                .noStackTrace();
        assertTrue(r.out().contains("train_job.yaml"), r::toString);
        assertEquals(mine, read(dir.resolve("train_job.yaml.orig")), "the user's version is kept as .orig");
        String now = read(job);
        assertFalse(now.contains("# my change"));
        assertTrue(now.contains("nvidia.com/gpu: 2"));

        // the project is consistent again: a plain generate is a no-op
        Map<String, String> after = snapshot(dir);
        run("generate", SKELETON, "-C", dir.toString()).expect(0);
        assertSameFiles(after, dir);
    }
}
