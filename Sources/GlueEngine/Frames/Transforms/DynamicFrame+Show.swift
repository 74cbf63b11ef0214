extension DynamicFrame {
    /// What Glue's `show(num_rows=20)` prints: the first `n` records, one per line, each as a
    /// JSON object with a space after `:` and `,` — nothing else (no table, no header, no
    /// "only showing top n rows" footer).
    ///
    /// The Scala `DynamicFrame.show` "Prints rows from this DynamicFrame in JSON format"; the
    /// spacing follows the records the Glue docs print (`{"name": "Nancy", "age": 47,
    /// "friends": 1}` in the Scala `relationalize` example). Fields appear in record order;
    /// null fields are left out, as records leave them out. Every line ends with a newline; an
    /// empty frame (or `n <= 0`) gives "". `toDF().show()` is the Spark table, not this.
    public func showString(_ n: Int = 20) -> String {
        var out = ""
        for r in take(max(0, n)) {
            r.appendJSON(to: &out, spaced: true)
            out += "\n"
        }
        return out
    }
}
