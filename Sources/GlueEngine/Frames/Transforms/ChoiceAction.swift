import Foundation

/// One `resolveChoice` action, parsed from the text Glue scripts write.
///
/// | text | action |
/// |---|---|
/// | `cast:long` | cast every value to the type; values that cannot be cast become null |
/// | `project:string` | keep values already of the type; the others become null |
/// | `make_cols` | one column per member type, `<name>_<type>` |
/// | `make_struct` | a struct with one field per member type, named by the type |
/// | `match_catalog` | cast to the type the Data Catalog table gives the same path |
///
/// The action word is read case-insensitively; the type is any name `DataType(parsing:)`
/// accepts (`long`, `bigint`, `int`, `decimal(10,2)`, `struct`, ...).
public enum ChoiceAction: Hashable, Sendable {
    /// `cast:<type>`: every value cast; values that cannot be cast become null.
    case cast(DataType)
    /// `project:<type>`: values of the type kept, the others null.
    case project(DataType)
    /// `make_cols`: one field per member type, `<name>_<type>`.
    case makeCols
    /// `make_struct`: a struct with one field per member type.
    case makeStruct
    /// `match_catalog`: cast to the Data Catalog table's type for the path.
    case matchCatalog

    /// Parses `cast:<type>`, `project:<type>`, `make_cols`, `make_struct` or `match_catalog`.
    /// - Throws: `EngineError.invalidOption` naming the text for an unknown action or type.
    public init(parsing text: String) throws(EngineError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let word = parts[0].lowercased()
        func bad(_ reason: String) -> EngineError {
            .invalidOption(name: "resolveChoice action", value: text, reason: reason)
        }
        if parts.count == 2 {
            guard word == "cast" || word == "project" else {
                throw bad("expected cast:<type> or project:<type>")
            }
            guard let type = DataType(parsing: String(parts[1])) else {
                throw bad("unknown type \"\(parts[1])\"")
            }
            self = word == "cast" ? .cast(type) : .project(type)
            return
        }
        switch word {
        case "make_cols": self = .makeCols
        case "make_struct": self = .makeStruct
        case "match_catalog": self = .matchCatalog
        case "cast", "project": throw bad("\(word) needs a type, as in \(word):long")
        default: throw bad("expected cast:<type>, project:<type>, make_cols, make_struct or match_catalog")
        }
    }

    /// The action as Glue scripts write it.
    public var text: String {
        switch self {
        case .cast(let t): "cast:\(t.typeName)"
        case .project(let t): "project:\(t.typeName)"
        case .makeCols: "make_cols"
        case .makeStruct: "make_struct"
        case .matchCatalog: "match_catalog"
        }
    }
}
