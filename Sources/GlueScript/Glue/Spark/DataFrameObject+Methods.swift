import GlueEngine

extension DataFrameObject {
    /// The transformations: `select(*cols)`, `selectExpr(*expr)`, `filter`/`where` (a Column or
    /// a SQL string), `withColumn(name, col)`, `withColumns(dict)`, `withColumnRenamed(a, b)`,
    /// `withColumnsRenamed(dict)`, `drop(*cols)`, `distinct()`, `dropDuplicates(subset=None)`
    /// (`drop_duplicates`), `orderBy`/`sort(*cols, ascending=True)`, `limit(n)`,
    /// `groupBy`/`groupby(*cols)`, `agg(*exprs)`, `join(other, on=None, how=None)`,
    /// `crossJoin(other)`, `union`/`unionAll(other)`, `unionByName(other,
    /// allowMissingColumns=False)`, `fillna`/`dropna` (and `na.fill`/`na.drop`), `toDF(*cols)`,
    /// `alias(name)`, the temp views (`createOrReplaceTempView`, `createTempView`,
    /// `createOrReplaceGlobalTempView`, `createGlobalTempView`).
    func method(_ name: String) throws -> PyValue? {
        let qualified = "DataFrame.\(name)"
        switch name {
        case "select":
            return variadic(name) { args, _ in try self.dataFrame.select(try ColumnArguments.columns(args, qualified)) }
        case "selectExpr":
            return variadic(name) { args, _ in
                try self.dataFrame.selectExpr(try ColumnArguments.flattened(args).map {
                    guard case .str(let s) = $0 else { throw PyException(.typeError, "selectExpr() takes SQL expression strings, got \($0.typeName)") }
                    return s
                })
            }
        case "filter", "where":
            return nativeMethod(name, ["condition"]) { b, _ in
                if case .str(let text) = b["condition"] { return self.derived(try self.dataFrame.filter(try SparkExpressionParser.parse(text))) }
                return self.derived(try self.dataFrame.filter(try ColumnObject.condition(b["condition"], qualified)))
            }
        case "withColumn":
            return nativeMethod(name, ["colName", "col"]) { b, _ in
                guard b["col"].object(as: ColumnObject.self) != nil else {
                    throw PyException(.typeError, "withColumn() argument 'col' should be a Column, got \(b["col"].typeName) (use F.lit(value) for a constant)")
                }
                return self.derived(try self.dataFrame.withColumn(try b.string("colName"), try ColumnArguments.value(b["col"], qualified)))
            }
        case "withColumns":
            return nativeMethod(name, ["colsMap"]) { b, _ in
                var frame = self.dataFrame
                for (key, value) in try b.dict("colsMap").items {
                    guard case .str(let column) = key, value.object(as: ColumnObject.self) != nil else {
                        throw PyException(.typeError, "withColumns() takes a dict of column name to Column")
                    }
                    frame = try frame.withColumn(column, try ColumnArguments.value(value, qualified))
                }
                return self.derived(frame)
            }
        case "withColumnRenamed":
            return nativeMethod(name, ["existing", "new"]) { b, _ in
                self.derived(self.dataFrame.withColumnRenamed(try b.string("existing"), try b.string("new")))
            }
        case "withColumnsRenamed":
            return nativeMethod(name, ["colsMap"]) { b, _ in
                var frame = self.dataFrame
                for (key, value) in try b.dict("colsMap").items {
                    guard case .str(let old) = key, case .str(let new) = value else {
                        throw PyException(.typeError, "withColumnsRenamed() takes a dict of str to str")
                    }
                    frame = frame.withColumnRenamed(old, new)
                }
                return self.derived(frame)
            }
        case "drop":
            return variadic(name) { args, _ in
                if args.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
                    return self.dataFrame.drop(args.compactMap(\.stringValue))
                }
                return try self.dataFrame.drop(columns: try ColumnArguments.columns(args, qualified))
            }
        case "distinct": return nativeMethod(name, []) { _, _ in self.derived(self.dataFrame.distinct()) }
        case "dropDuplicates", "drop_duplicates":
            return nativeMethod(name, [.optional("subset")]) { b, _ in
                self.derived(try self.dataFrame.dropDuplicates(b["subset"].isNone ? nil : try b.strings("subset")))
            }
        case "orderBy", "sort":
            return .builtin(PyBuiltin(name) { args, _ in
                let b = try CallArguments([], keywords: args.keywords).bind(name, [.optional("ascending")])
                return self.derived(try self.dataFrame.orderBy(try ColumnArguments.sortOrders(args.positional, ascending: b["ascending"], qualified)))
            })
        case "limit": return nativeMethod(name, ["num"]) { b, _ in self.derived(self.dataFrame.limit(max(0, try b.int("num")))) }
        case "groupBy", "groupby":
            return .builtin(PyBuiltin(name) { args, _ in
                try WindowSpecObject.noKeywords(args, name)
                return .object(GroupedDataObject(self, self.dataFrame.groupBy(try ColumnArguments.columns(args.positional, qualified))))
            })
        case "agg":
            return .builtin(PyBuiltin(name) { args, _ in
                try GroupedDataObject(self, self.dataFrame.groupBy([])).aggregate(args, qualified)
            })
        case "join":
            return nativeMethod(name, ["other", .optional("on"), .optional("how")]) { b, _ in
                let other = try b.object("other", as: DataFrameObject.self, typeName: "DataFrame")
                let how = try JoinType(how: try b.optionalString("how") ?? "inner")
                return self.derived(try self.dataFrame.join(other.dataFrame, on: try Self.joinCondition(b["on"], qualified), how: how))
            }
        case "crossJoin":
            return nativeMethod(name, ["other"]) { b, _ in
                let other = try b.object("other", as: DataFrameObject.self, typeName: "DataFrame")
                return self.derived(try self.dataFrame.join(other.dataFrame, on: .none, how: .cross))
            }
        case "union", "unionAll":
            return nativeMethod(name, ["other"]) { b, _ in
                self.derived(try self.dataFrame.union(try b.object("other", as: DataFrameObject.self, typeName: "DataFrame").dataFrame))
            }
        case "unionByName":
            return nativeMethod(name, ["other", .optional("allowMissingColumns", .bool(false))]) { b, _ in
                self.derived(try self.dataFrame.unionByName(try b.object("other", as: DataFrameObject.self, typeName: "DataFrame").dataFrame,
                                                            allowMissingColumns: try b.bool("allowMissingColumns")))
            }
        case "fillna": return NAFunctionsObject(frame: self).fill(name)
        case "dropna": return NAFunctionsObject(frame: self).drop(name)
        case "toDF":
            return variadic(name) { args, _ in
                try self.dataFrame.renamed(try args.map {
                    guard case .str(let s) = $0 else { throw PyException(.typeError, "toDF() takes column names (str), got \($0.typeName)") }
                    return s
                })
            }
        case "alias":
            return nativeMethod(name, ["alias"]) { b, _ in self.derived(self.dataFrame.alias(try b.string("alias"))) }
        case "createOrReplaceTempView", "createTempView", "createOrReplaceGlobalTempView", "createGlobalTempView":
            return nativeMethod(name, ["name"]) { b, _ in
                try self.environment.spark.register(try b.string("name"), self.dataFrame, replace: name.hasPrefix("createOrReplace"),
                                                    global: name.hasSuffix("GlobalTempView"))
                return .none
            }
        default:
            return nil
        }
    }

    /// A method taking `*args` and giving a frame.
    private func variadic(_ name: String, _ body: @escaping ([PyValue], [(name: String, value: PyValue)]) throws -> DataFrame) -> PyValue {
        .builtin(PyBuiltin(name) { args, _ in
            try WindowSpecObject.noKeywords(args, name)
            return self.derived(try body(args.positional, args.keywords))
        })
    }

    /// `join`'s `on`: a column name, a list of names (equi-join, one output column per name),
    /// a Column condition, or a list of Columns (all must hold).
    static func joinCondition(_ on: PyValue, _ function: String) throws -> JoinCondition {
        switch on {
        case .none: return .none
        case .str(let s): return .columns([s])
        case .list, .tuple:
            let items = on.sequenceItems ?? []
            if items.isEmpty { return .none }
            let names = items.compactMap(\.stringValue)
            if names.count == items.count { return .columns(names) }
            let conditions = try items.map { try ColumnObject.condition($0, function) }
            return .expression(conditions.dropFirst().reduce(conditions[0]) { .binary(.and, $0, $1) })
        default:
            return .expression(try ColumnObject.condition(on, function))
        }
    }
}
