import Testing

@testable import GlueScript

@Suite struct TokenizerLiteralTests {
    /// The value of the single string literal in `source`.
    func string(_ source: String) throws -> String? {
        let tokens = try kinds(source)
        guard case .string(let value) = tokens.first else { return nil }
        return value
    }

    @Test func singleDoubleAndTripleQuotedStrings() throws {
        #expect(try string("'single'") == "single")
        #expect(try string("\"double\"") == "double")
        #expect(try string("'it\"s'") == "it\"s")
        #expect(try string("''") == "")
        #expect(try string("'''a 'quoted' word'''") == "a 'quoted' word")
        #expect(try string("\"\"\"two\nlines\"\"\"") == "two\nlines")
        #expect(try string("\"\"\"ends with a quote\\\"\"\"\"") == "ends with a quote\"")
    }

    @Test func escapesDecodeAsInPython() throws {
        #expect(try string(#""a\nb\tc\\d\'e\"f""#) == "a\nb\tc\\d'e\"f")
        #expect(try string(#""\r\a\b\f\v""#) == "\r\u{07}\u{08}\u{0C}\u{0B}")
        #expect(try string(#""\x41\u00e9\U0001F600""#) == "Aé😀")
        #expect(try string(#""\101\0\7""#) == "A\u{0}\u{07}")
        #expect(try string("\"joined \\\nline\"") == "joined line")
    }

    @Test func anUnknownEscapeKeepsItsBackslash() throws {
        #expect(try string(#""\d+\.csv""#) == #"\d+\.csv"#)
    }

    @Test func rawStringsKeepBackslashes() throws {
        #expect(try string(#"r"\d+\n""#) == #"\d+\n"#)
        #expect(try string(#"R'\''"#) == #"\'"#)
        #expect(try string(#"u"plain""#) == "plain")
    }

    @Test func aStringsPositionIsItsPrefixOrQuote() throws {
        let stream = try Tokenizer.tokenize("x = r'a'\ny = '''one\ntwo''' + z\n", file: "t.py")
        let positions = stream.tokens.map { "\($0.kind)@\($0.location)" }
        #expect(positions.contains(#"string("a")@1:5"#))
        #expect(positions.contains(#"string("one\ntwo")@2:5"#))
        #expect(positions.contains(#"name("z")@3:10"#))  // after a multi-line string, lines still count
    }

    @Test func badStringsAreLexicalErrors() {
        #expect(lexError("x = 'abc\n") == "t.py:1:5: unterminated string literal (detected at line 1)")
        #expect(lexError("x = '''abc\n\n") == "t.py:1:5: unterminated triple-quoted string literal (detected at line 3)")
        #expect(lexError(#"x = "\x4""#) == #"t.py:1:6: truncated \xXX escape"#)
        #expect(lexError(#"x = "ok\u12""#) == #"t.py:1:8: truncated \uXXXX escape"#)
        #expect(lexError(#"x = "\ud800""#) == #"t.py:1:6: \ud800 is a lone surrogate, which a string cannot hold here"#)
        #expect(lexError(#"x = "\U00110000""#) == #"t.py:1:6: illegal Unicode character in \UXXXXXXXX escape"#)
    }

    @Test func bytesFStringsAndNamedEscapesAreRefusedByName() {
        #expect(lexError("x = b'raw'\n") == "t.py:1:5: bytes literal is not supported in Glue job scripts run by gluelab")
        #expect(lexError("x = rb'raw'\n") == "t.py:1:5: bytes literal is not supported in Glue job scripts run by gluelab")
        #expect(lexError("x = f'{a}'\n") == "t.py:1:5: f-string is not supported in Glue job scripts run by gluelab")
        #expect(lexError("x = Rf'{a}'\n") == "t.py:1:5: f-string is not supported in Glue job scripts run by gluelab")
        #expect(lexError("x = t'{a}'\n")
            == "t.py:1:5: t-string (template string) is not supported in Glue job scripts run by gluelab")
        #expect(lexError(#"x = "\N{BULLET}""#)
            == #"t.py:1:6: named Unicode escape \N{...} is not supported in Glue job scripts run by gluelab"#)
    }

    @Test func aNameBeforeAStringIsNotAPrefix() throws {
        #expect(try kinds("rb_x'a'") == [.name("rb_x"), .string("a"), .newline, .endOfFile])
    }

    @Test func integersInEveryBase() throws {
        #expect(try kinds("0 42 1_000 0x1F 0XfF 0o17 0b101 0_0 0x_a") == [
            .int(0), .int(42), .int(1000), .int(31), .int(255), .int(15), .int(5), .int(0), .int(10), .newline,
            .endOfFile,
        ])
        #expect(try kinds("9223372036854775807").first == .int(Int.max))
    }

    @Test func floatsWithFractionsAndExponents() throws {
        #expect(try kinds("1.5 .5 1. 1e3 2.5E-3 1_0.0_1 3e+2 1.e2 0.0") == [
            .float(1.5), .float(0.5), .float(1.0), .float(1000), .float(0.0025), .float(10.01), .float(300),
            .float(100), .float(0), .newline, .endOfFile,
        ])
    }

    @Test func aDotNotFollowedByADigitIsAnOperator() throws {
        #expect(try kinds("a.b") == [.name("a"), .op(.dot), .name("b"), .newline, .endOfFile])
    }

    @Test func badNumbersAreLexicalErrors() {
        #expect(lexError("x = 007\n")
            == "t.py:1:5: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
        #expect(lexError("x = 1__000\n") == "t.py:1:5: invalid decimal literal")
        #expect(lexError("x = 1000_\n") == "t.py:1:5: invalid decimal literal")
        #expect(lexError("x = 12abc\n") == "t.py:1:5: invalid decimal literal")
        #expect(lexError("x = 0x\n") == "t.py:1:5: invalid hexadecimal literal")
        #expect(lexError("x = 0b102\n") == "t.py:1:5: invalid binary literal")
        #expect(lexError("x = 9223372036854775808\n")
            == "t.py:1:5: integer literal too large (gluelab integers are 64-bit, at most 9223372036854775807)")
        #expect(lexError("x = 2j\n") == "t.py:1:5: complex number literal is not supported in Glue job scripts run by gluelab")
    }
}
