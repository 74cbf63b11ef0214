import Testing

@testable import GlueScript

@Suite struct TokenizerTests {
    @Test func aStatementLineHasTokensWithPositions() throws {
        let stream = try Tokenizer.tokenize("job.init(args[\"JOB_NAME\"], args)\n", file: "t.py")
        let expected: [(Token.Kind, Int)] = [
            (.name("job"), 1), (.op(.dot), 4), (.name("init"), 5), (.op(.leftParen), 9), (.name("args"), 10),
            (.op(.leftBracket), 14), (.string("JOB_NAME"), 15), (.op(.rightBracket), 25), (.op(.comma), 26),
            (.name("args"), 28), (.op(.rightParen), 32), (.newline, 33), (.endOfFile, 1),
        ]
        #expect(stream.tokens.map(\.kind) == expected.map(\.0))
        #expect(stream.tokens.map(\.column) == expected.map(\.1))
        #expect(stream.tokens.last?.line == 2)
    }

    @Test func indentedBlocksOpenAndCloseWithIndentAndDedent() throws {
        let source = """
            def f(r):
                if r:
                    return 1
                return 2
            x = 1

            """
        let stream = try Tokenizer.tokenize(source, file: "t.py")
        let layout = stream.tokens.compactMap { t -> String? in
            switch t.kind {
            case .indent: "INDENT@\(t.location)"
            case .dedent: "DEDENT@\(t.location)"
            case .newline: "NL"
            default: nil
            }
        }
        #expect(layout == ["NL", "INDENT@2:5", "NL", "INDENT@3:9", "NL", "DEDENT@4:5", "NL", "DEDENT@5:1", "NL"])
    }

    @Test func theEndOfFileClosesOpenBlocksWithoutATrailingNewline() throws {
        let tokens = try kinds("if x:\n    if y:\n        z")
        #expect(Array(tokens.suffix(5)) == [.name("z"), .newline, .dedent, .dedent, .endOfFile])
    }

    @Test func blankAndCommentLinesDoNotChangeIndentation() throws {
        let source = "if x:\n    a = 1\n\n# a comment at column 1\n        # an indented comment\n    b = 2\n"
        let tokens = try kinds(source)
        #expect(tokens.filter { $0 == .indent }.count == 1)
        #expect(tokens.filter { $0 == .dedent }.count == 1)
        #expect(tokens.filter { $0 == .newline }.count == 3)
    }

    @Test func tabsCountToTheNextMultipleOfEight() throws {
        let tokens = try kinds("if x:\n\ty = 1\n\tz = 2\n")
        #expect(tokens.filter { $0 == .indent }.count == 1)
        #expect(tokens.filter { $0 == .dedent }.count == 1)
    }

    @Test func tabsAndSpacesThatOnlyAgreeAtTabSizeEightAreRejected() {
        #expect(lexError("if x:\n        a = 1\n\tb = 2\n")
            == "t.py:3:2: inconsistent use of tabs and spaces in indentation")
    }

    @Test func aDedentToAnUnknownLevelIsALexicalError() {
        #expect(lexError("if x:\n    a = 1\n  b = 2\n")
            == "t.py:3:3: unindent does not match any outer indentation level")
    }

    @Test func newlinesInsideBracketsJoinLines() throws {
        let source = "df = (spark.read\n  .option(\"header\", True)\n        .csv(path))\nx = 1\n"
        let tokens = try kinds(source)
        #expect(tokens.filter { $0 == .newline }.count == 2)
        #expect(!tokens.contains(.indent))
    }

    @Test func aBackslashJoinsTheNextLine() throws {
        let stream = try Tokenizer.tokenize("total = price + \\\n    tax\n", file: "t.py")
        #expect(stream.tokens.map(\.kind) == [
            .name("total"), .op(.equal), .name("price"), .op(.plus), .name("tax"), .newline, .endOfFile,
        ])
        #expect(stream.tokens[4].location == SourceLocation(line: 2, column: 5))
    }

    @Test func onlyANewlineMayFollowABackslash() {
        #expect(lexError("x = 1 + \\ # note\n    2\n") == "t.py:1:10: unexpected character after line continuation character")
        #expect(lexError("x = 1 + \\") == "t.py:1:9: unexpected end of file after line continuation character")
        #expect(lexError("x = 1 + \\\n") == "t.py:1:9: unexpected end of file after line continuation character")
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let stream = try Tokenizer.tokenize("\u{FEFF}if x:\r\n    y = 1\r\n", file: "t.py")
        #expect(stream.tokens.map(\.kind) == [
            .keyword(.if), .name("x"), .op(.colon), .newline, .indent, .name("y"), .op(.equal), .int(1), .newline,
            .dedent, .endOfFile,
        ])
        #expect(stream.tokens[0].location == SourceLocation(line: 1, column: 1))
        #expect(stream.tokens[5].location == SourceLocation(line: 2, column: 5))
    }

    @Test func keywordsAreReservedButSoftKeywordsAreNames() throws {
        #expect(try kinds("lambda match type None True False not in is") == [
            .keyword(.lambda), .name("match"), .name("type"), .keyword(.None), .keyword(.True), .keyword(.False),
            .keyword(.not), .keyword(.in), .keyword(.is), .newline, .endOfFile,
        ])
    }

    @Test func unicodeIdentifiersAndColumnsInCharacters() throws {
        let stream = try Tokenizer.tokenize("café = \"héllo\" + x\n", file: "t.py")
        #expect(stream.tokens[0].kind == .name("café"))
        #expect(stream.tokens[2].kind == .string("héllo"))
        #expect(stream.tokens[4].kind == .name("x"))
        #expect(stream.tokens[4].column == 18)  // characters, not the 20th byte
        #expect(stream.tokens[4].offset == 19)
    }

    @Test func theLongestOperatorWins() throws {
        let ops = try kinds("** **= // //= -> := ... != <= >= == << >>= < > = . ; @ ~ ^ %= |= &=").compactMap { kind -> String? in
            if case .op(let op) = kind { op.rawValue } else { nil }
        }
        #expect(ops == [
            "**", "**=", "//", "//=", "->", ":=", "...", "!=", "<=", ">=", "==", "<<", ">>=", "<", ">", "=", ".", ";",
            "@", "~", "^", "%=", "|=", "&=",
        ])
    }

    @Test func characterOutsideTheLanguageIsNamedWithItsCodePoint() {
        #expect(lexError("x = $y\n") == "t.py:1:5: invalid character '$' (U+0024)")
        #expect(lexError("x = a ! b\n") == "t.py:1:7: invalid character '!' (U+0021)")
        #expect(lexError("x = “quoted”\n") == "t.py:1:5: invalid character '“' (U+201C)")
        #expect(lexError("x =\u{00A0}1\n") == "t.py:1:4: invalid non-printable character U+00A0")
        #expect(lexError("x = 1\u{0}\n") == "t.py:1:6: source code cannot contain null bytes")
    }

    @Test func closingBracketsMustMatch() {
        #expect(lexError("f(a]\n") == "t.py:1:4: closing ']' does not match '(' at 1:2")
        #expect(lexError("x = 1)\n") == "t.py:1:6: unmatched ')'")
    }

    @Test func annotationCommentsAreKeptAndOrdinaryCommentsDropped() throws {
        let source = """
            # Generated by AWS Glue
            ## @type: DataSource
            ##@return: datasource0
            ## a note, not an annotation
            ## @inputs: []
            datasource0 = 1  ## @args: [x = 1]

            """
        let stream = try Tokenizer.tokenize(source, file: "t.py")
        #expect(stream.annotations.map(\.key) == ["type", "return", "inputs", "args"])
        #expect(stream.annotations.map(\.value) == ["DataSource", "datasource0", "[]", "[x = 1]"])
        #expect(stream.annotations[0].text == "## @type: DataSource")
        #expect(stream.annotations[3].location == SourceLocation(line: 6, column: 18))
        #expect(!stream.tokens.contains { if case .string = $0.kind { true } else { false } })
    }

    @Test func aLexicalErrorEndsTheStreamWithAnInvalidToken() {
        let stream = Tokenizer.scan("x = 1\ny = $\n", file: "t.py")
        #expect(stream.tokens.last?.kind == .invalid)
        #expect(stream.tokens.last?.location == SourceLocation(line: 2, column: 5))
        #expect(stream.failure?.description == "t.py:2:5: invalid character '$' (U+0024)")
    }

    @Test func aLargeScriptTokenizesInOnePass() throws {
        var source = ""
        for i in 0..<5_000 {
            source += "node\(i) = ApplyMapping.apply(frame=node\(i), mappings=[(\"a\", \"string\", \"a\", \"long\")])\n"
        }
        let stream = try Tokenizer.tokenize(source, file: "big.py")
        #expect(stream.tokens.filter { $0.kind == .newline }.count == 5_000)
        #expect(stream.tokens.last?.location == SourceLocation(line: 5_001, column: 1))
    }
}
