import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab s3 ...`: the sandbox's object store, in the manner of `aws s3`.
struct S3Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3",
        abstract: "Objects in the sandbox's S3: put, ls, cat, rm, cp.",
        subcommands: [Put.self, List.self, Cat.self, Remove.self, Copy.self]
    )
}

extension S3Command {
    struct Put: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upload a local file (or a folder, recursively) to s3://.",
            discussion: "A destination ending in / keeps the file name. --last-modified sets the object's time (ISO 8601), as if it had been uploaded then.")

        @Argument(help: "A local file or folder.") var source: String
        @Argument(help: "s3://bucket/key, or s3://bucket/prefix/") var destination: String
        @Option(help: "The object's last-modified time (ISO 8601); default: the sandbox clock.") var lastModified: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let store = try sandboxOptions.open().store
            let time = try lastModified.map { try Parse.timestamp($0, option: "--last-modified") }
            let files = try LocalFiles.expand(source)
            let base = try S3URI(parsing: destination)
            var infos: [ObjectInfo] = []
            for (url, relative) in files {
                let key = base.key.isEmpty || base.key.hasSuffix("/") || files.count > 1 || relative.contains("/")
                    ? Self.join(base.key, relative) : base.key
                let uri = try S3URI(parsing: "s3://\(base.bucket)/\(key)")
                infos.append(try store.putFile(uri, from: url, lastModified: time))
            }
            for info in infos {
                if output.json { Output.json(Render.object(info)) } else {
                    Output.line("upload: \(info.uri)  \(Render.size(info.size))  last modified \(Timestamps.format(info.lastModified))")
                }
            }
        }

        static func join(_ prefix: String, _ name: String) -> String {
            prefix.isEmpty || prefix.hasSuffix("/") ? prefix + name : prefix + "/" + name
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List buckets, or the objects under a prefix.")

        @Argument(help: "s3://bucket/prefix; none lists the buckets.") var path: String?
        @Flag(name: .shortAndLong, help: "List every object below the prefix.") var recursive = false
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let store = try sandboxOptions.open().store
            guard let path else {
                for bucket in try store.listBuckets() {
                    if output.json { Output.json(DynamicRecord([("bucket", .string(bucket))])) } else { Output.line(bucket) }
                }
                return
            }
            var prefix = try S3URI(parsing: path)
            if !prefix.key.isEmpty, !prefix.key.hasSuffix("/") {
                if let one = try? store.head(prefix) {
                    if output.json { Output.json(Render.object(one)) } else { Output.line(Render.listing(one, key: one.key)) }
                    return
                }
                prefix = try S3URI(parsing: "s3://\(prefix.bucket)/\(prefix.key)/")
            }
            let all = try store.list(prefix, recurse: true, exclusions: [])
            if recursive || output.json {
                for info in all {
                    if output.json { Output.json(Render.object(info)) } else { Output.line(Render.listing(info, key: info.key)) }
                }
                return
            }
            // Like `aws s3 ls`: one level, with sub-folders shown as PRE.
            let folder = prefix.key
            var shownFolders = Set<String>()
            for info in all {
                let rest = info.key.dropFirst(folder.count)
                if let slash = rest.firstIndex(of: "/") {
                    let sub = String(rest[..<slash]) + "/"
                    if shownFolders.insert(sub).inserted { Output.line("                           PRE \(sub)") }
                } else {
                    Output.line(Render.listing(info, key: String(rest)))
                }
            }
        }
    }

    struct Cat: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an object's bytes.")

        @Argument(help: "s3://bucket/key") var path: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let store = try sandboxOptions.open().store
            Output.bytes(try store.get(try S3URI(parsing: path)))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an object, or every object under a prefix.")

        @Argument(help: "s3://bucket/key") var path: String
        @Flag(name: .shortAndLong, help: "Delete every object under the prefix.") var recursive = false
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let store = try sandboxOptions.open().store
            let uri = try S3URI(parsing: path)
            let targets = recursive ? try store.list(uri, recurse: true, exclusions: []) : [try store.head(uri)]
            if recursive && targets.isEmpty { throw EngineError.notFound(what: "no objects under \(uri)") }
            for info in targets {
                try store.delete(info.uri)
                Output.line("delete: \(info.uri)")
            }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cp",
            abstract: "Copy between s3:// objects, or between s3:// and local files.")

        @Argument(help: "s3://bucket/key or a local file") var source: String
        @Argument(help: "s3://bucket/key or a local file") var destination: String
        @Option(help: "The new object's last-modified time (ISO 8601); default: the sandbox clock.") var lastModified: String?
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let store = try sandboxOptions.open().store
            let time = try lastModified.map { try Parse.timestamp($0, option: "--last-modified") }
            switch (source.hasPrefix("s3://"), destination.hasPrefix("s3://")) {
            case (true, true):
                var to = try S3URI(parsing: destination)
                let from = try S3URI(parsing: source)
                if to.key.isEmpty || to.key.hasSuffix("/") {
                    to = try S3URI(parsing: "s3://\(to.bucket)/\(to.key)\(from.key.split(separator: "/").last ?? "")")
                }
                let info = try store.copy(from: from, to: to, lastModified: time)
                Output.line("copy: \(from) to \(info.uri)")
            case (false, true):
                try Put.parse([source, destination] + (lastModified.map { ["--last-modified", $0] } ?? []) + ["--sandbox", sandboxOptions.sandbox]).run()
            case (true, false):
                let data = try store.get(try S3URI(parsing: source))
                try LocalFiles.write(data, to: destination)
                Output.line("download: \(source) to \(destination)")
            case (false, false):
                throw ValidationError("one side of cp must be an s3:// path")
            }
        }
    }
}
