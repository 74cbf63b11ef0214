/// `awsglue.utils.getResolvedOptions(args, options)`, as awsglue's `utils.py` does it with
/// `argparse`.
///
/// - Requesting a reserved argument raises `RuntimeError: Using reserved arguments <name>`:
///   `job-bookmark-option`, `continuation-option`, `job-bookmark-from`, `job-bookmark-to`,
///   `JOB_ID`, `JOB_RUN_ID`, `SECURITY_CONFIGURATION`, `encryption-type`,
///   `enable-data-lineage`. `JOB_NAME` may be requested.
/// - Every requested option is required: a missing one is argparse's
///   `the following arguments are required: --A, --B` (argparse exits the script; gluelab
///   fails the run with that message).
/// - The result holds the requested options plus the ones Glue always parses:
///   `job_bookmark_option` (default `job-bookmark-disable`, or translated from the legacy
///   `--continuation-option`), `job_bookmark_from`, `job_bookmark_to`, `JOB_ID`, `JOB_RUN_ID`,
///   `SECURITY_CONFIGURATION`, `encryption_type`, `TempDir`, `RedshiftTempDir` (None when not
///   given; argparse turns `-` into `_` in these names). Other arguments are ignored, as
///   `parse_known_args` ignores them. A requested `input-path` comes back as `input_path`
///   (argparse's `dest`), so `args["input-path"]` is a `KeyError` here as on AWS.
/// - `--name=value` is accepted like `--name value`. Abbreviated names are not (Glue 6.0's
///   rule, and the safer one).
public enum ResolvedOptions {
    static let reserved = ["job-bookmark-option", "continuation-option", "job-bookmark-from", "job-bookmark-to",
                           "JOB_ID", "JOB_RUN_ID", "SECURITY_CONFIGURATION", "encryption-type", "enable-data-lineage"]
    static let alwaysParsed = ["job-bookmark-option", "job-bookmark-from", "job-bookmark-to", "JOB_ID", "JOB_RUN_ID",
                               "SECURITY_CONFIGURATION", "encryption-type", "TempDir", "RedshiftTempDir"]
    static let bookmarkValues = ["job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable"]
    static let continuationValues = ["continuation-enabled", "continuation-readonly", "continuation-ignore"]

    /// The `--KEY value` pairs of `argv` (after the script name), last one winning.
    public static func parse(argv: [String]) -> [String: String] {
        var out: [String: String] = [:]
        var i = 1
        while i < argv.count {
            let arg = argv[i]
            guard arg.hasPrefix("--"), arg.count > 2 else { i += 1; continue }
            let body = arg.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                out[String(body[..<eq])] = String(body[body.index(after: eq)...])
                i += 1
            } else if i + 1 < argv.count {
                out[String(body)] = argv[i + 1]
                i += 2
            } else {
                out[String(body)] = ""
                i += 1
            }
        }
        return out
    }

    /// The dict `getResolvedOptions(argv, options)` returns, in argparse's order.
    public static func resolve(argv: [String], options: [String]) throws -> PyDict {
        for option in options where reserved.contains(option) {
            throw PyException(.runtimeError, "Using reserved arguments \(option)")
        }
        let given = parse(argv: argv)
        if let value = given["job-bookmark-option"], !bookmarkValues.contains(value) {
            throw PyException(.runtimeError, "argument --job-bookmark-option: invalid choice: '\(value)' (choose from \(bookmarkValues.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        let requested = options.filter { $0 != "TempDir" && $0 != "RedshiftTempDir" }
        let missing = requested.filter { given[$0] == nil }
        guard missing.isEmpty else {
            throw PyException(.runtimeError, "the following arguments are required: \(missing.map { "--" + $0 }.joined(separator: ", "))")
        }
        let result = PyDict()
        for name in alwaysParsed {
            result[string: name.replacingOccurrences(of: "-", with: "_")] = given[name].map { .str($0) } ?? PyValue.none
        }
        if given["job-bookmark-option"] == nil {
            var value = "job-bookmark-disable"
            if let legacy = given["continuation-option"], let i = continuationValues.firstIndex(of: legacy) {
                value = bookmarkValues[i]
            }
            result[string: "job_bookmark_option"] = .str(value)
        }
        if let temp = given["TempDir"] {
            result[string: "RedshiftTempDir"] = .str(temp)
        } else if let temp = given["RedshiftTempDir"] {
            result[string: "TempDir"] = .str(temp)
        }
        for name in requested { result[string: name.replacingOccurrences(of: "-", with: "_")] = .str(given[name]!) }
        return result
    }
}
