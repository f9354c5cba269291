package dev.mx.engine.service.completion;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What MLflow reads in an MLproject file (MLflow parses it with PyYAML and checks almost nothing). */
public final class MlprojectModel {
    /** The parameter types MLflow documents; only path and uri change behaviour. */
    public static final List<String> TYPES = List.of("string", "float", "path", "uri");

    private static final Map<String, String> TYPE_DOCS = Map.of(
            "string", "Passed to the command as given (MLflow shell-quotes it). The type when none is written.",
            "float", "A number, by the docs; MLflow does not actually check it and passes the text as given.",
            "path", "A local file or folder: MLflow checks that it exists and makes it absolute, resolved against the"
                    + " folder `mlflow run` is started from (not the project). A URI with a scheme (s3://, gs://,"
                    + " dbfs:/ ...) is downloaded first and replaced by the local copy. Not allowed in"
                    + " databricks_spark_job projects.",
            "uri", "A URI: the value must have a scheme (s3://, https://, file: ...), else the run fails with"
                    + " \"Expected URI for parameter\". Passed on unchanged; relative paths are rejected.");

    private static final Set<String> NUMERIC = Set.of("int", "integer", "long", "number", "double", "decimal",
            "int32", "int64", "float32", "float64", "num", "numeric");

    private static final Spec.Node ROOT = build();

    private MlprojectModel() {
    }

    public static Spec root() {
        return ROOT;
    }

    /** Markdown about a parameter type name as MLflow treats it, MLflow's own four and the common wrong ones. */
    public static String typeDoc(String type) {
        String doc = TYPE_DOCS.get(type);
        if (doc != null) {
            return "MLflow parameter type `" + type + "`: " + doc;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (TYPES.contains(lower)) {
            return "`" + type + "` is not an MLflow parameter type: MLflow compares type names case-sensitively, so"
                    + " it acts like `string`. Write `" + lower + "`.";
        }
        String advice = NUMERIC.contains(lower) ? " For numbers use `float`, MLflow's documented numeric type."
                : lower.equals("bool") || lower.equals("boolean") || lower.equals("str")
                        ? " Write `string` and parse the value in the program." : "";
        return "`" + type + "` is not an MLflow parameter type: MLflow never checks type names, so anything other"
                + " than string, float, path and uri behaves like `string` (the value is passed as text)." + advice;
    }

    private static Spec.Node build() {
        Spec.Node type = Spec.Node.scalar("string", "The parameter's type: string (the default), float, path or"
                + " uri. MLflow never checks the name; only path and uri change what it does.", TYPES, "string");
        Spec.Node param = Spec.Node.object("parameter", "A parameter of the entry point: `name: TYPE` or"
                + " `name: {type: T, default: V}`. Without a default (or with `default: null`) it is required;"
                + " `default: None` is the string \"None\".")
                .with("type", type)
                .with("default", Spec.Node.scalar("string, number or bool", "Used when the run gives no -P value."
                        + " Kept as YAML reads it and turned into text (`0.1`, `True`); null makes the parameter"
                        + " required."))
                .shorthandString();
        Spec.Node entry = Spec.Node.object("entry point", "An entry point: `mlflow run -e NAME` runs its command"
                + " (`main` when -e is not given).")
                .with("command", Spec.Node.scalar("string", "The shell command. `{name}` placeholders are"
                        + " replaced by the parameters, already shell-quoted (don't quote them yourself); literal"
                        + " braces must be doubled (`{{` `}}`), so a shell `${VAR}` fails with KeyError."))
                .with("parameters", Spec.Node.map("The entry point's parameters by name (`mlflow run -P"
                        + " name=value`). Parameters that are passed but not declared are appended as"
                        + " `--name value`. `parameters:` left empty crashes MLflow's loader.", param));
        Spec.Node docker = Spec.Node.object("docker_env", "Run the command in a Docker container. Since MLflow 2.0"
                + " the project code is not in the image unless `mlflow run --build-image` is used.")
                .with("image", Spec.Node.scalar("string", "The image (a local tag or a registry reference); required."
                        + " Pulled when it is not present locally."))
                .with("volumes", Spec.Node.list("Volumes as `host:container[:mode]`, passed as `docker run -v`. Used"
                        + " by the local backend only: the Kubernetes backend ignores them.",
                        Spec.Node.scalar("string", "A volume, `host:container[:mode]`.")))
                .with("environment", Spec.Node.list("Environment variables: `NAME` (copied from the host, where it"
                        + " must be set) or `[NAME, VALUE]`. Passed unquoted to `docker run -e`; local backend only.",
                        Spec.Node.scalar("string or [NAME, VALUE]", "A variable to pass into the container.")));
        Spec.Node spark = Spec.Node.object("databricks_spark_job", "A Databricks Spark job (Databricks backend"
                + " only, MLflow 2.14 and later).")
                .with("python_file", Spec.Node.scalar("string", "The Python file to run; not together with"
                        + " entry_points."))
                .with("parameters", Spec.Node.list("Arguments passed to the Python file.",
                        Spec.Node.scalar("string", "An argument.")))
                .with("python_libraries", Spec.Node.list("Python libraries to install on the cluster.",
                        Spec.Node.scalar("string", "A library.")));
        return Spec.Node.object("MLproject", "An MLflow project.")
                .with("name", Spec.Node.scalar("string", "The project name. Required with docker_env (it tags the"
                        + " image); on Kubernetes it names the Job and its container, so keep it a DNS-1123 label"
                        + " (lowercase letters, digits, '-') of at most 36 characters."))
                .with("entry_points", Spec.Node.map("The commands `mlflow run` can start, by name; `main` is used"
                        + " when -e is not given. A name that is not declared but ends in .py or .sh runs that"
                        + " script.", entry))
                .with("python_env", Spec.Node.scalar("string (path)", "A python_env YAML file (python,"
                        + " build_dependencies, dependencies), relative to the project; it must exist. MLflow"
                        + " builds a virtualenv from it."))
                .with("conda_env", Spec.Node.scalar("string (path)", "A conda environment YAML file, relative to"
                        + " the project; it must exist."))
                .with("docker_env", docker)
                .with("databricks_spark_job", spark)
                .exclusive(List.of("docker_env", "python_env", "conda_env"), 1, "MLflow rejects a project with more"
                        + " than one environment key (\"Project cannot contain multiple environment fields\"),"
                        + " counted by presence, even when one is null")
                .exclusive(List.of("databricks_spark_job", "docker_env", "python_env", "conda_env"), 1,
                        "a Databricks Spark job does not support a docker, python or conda environment");
    }
}
