import Testing
@testable import CostGateKit

/// A compact, exact rendering of a parsed expression, so each test states the whole tree.
func sexp(_ e: HCLExpr) -> String {
    switch e {
    case .literal(let v, _):
        switch v {
        case .string(let s): return HCLText.quoted(s)
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        default: return "?"
        }
    case .template(let parts, _): return "(tpl " + parts.map(sexpPart).joined(separator: " ") + ")"
    case .variable(let n, _): return n
    case .getAttr(let b, let n, _): return "\(sexp(b)).\(n)"
    case .index(let b, let k, _): return "\(sexp(b))[\(sexp(k))]"
    case .splat(let s, let each, _): return "(splat \(sexp(s)) \(sexp(each)))"
    case .splatItem: return "@"
    case .call(let n, let args, let x, _): return "(\(n) " + args.map(sexp).joined(separator: " ") + (x ? " ...)" : ")")
    case .tuple(let items, _): return "[" + items.map(sexp).joined(separator: " ") + "]"
    case .object(let items, _): return "{" + items.map { "\(sexp($0.key))=\(sexp($0.value))" }.joined(separator: " ") + "}"
    case .not(let a, _): return "(! \(sexp(a)))"
    case .negate(let a, _): return "(neg \(sexp(a)))"
    case .binary(let op, let a, let b, _): return "(\(op.rawValue) \(sexp(a)) \(sexp(b)))"
    case .conditional(let a, let b, let c, _): return "(? \(sexp(a)) \(sexp(b)) \(sexp(c)))"
    case .parens(let a, _): return "(\(sexp(a)))"
    case .forExpr(let f, _):
        var s = "(for \(f.keyVar.map { "\($0)," } ?? "")\(f.valueVar) \(sexp(f.collection))"
        if let k = f.keyExpr { s += " \(sexp(k)) =>" }
        s += " \(sexp(f.valueExpr))"
        if f.grouping { s += "..." }
        if let c = f.condition { s += " if \(sexp(c))" }
        return s + ")"
    }
}

func sexpPart(_ p: HCLTemplatePart) -> String {
    switch p {
    case .literal(let s): return HCLText.quoted(s)
    case .interpolation(let e): return "${\(sexp(e))}"
    case .ifDirective(let c, let t, let e): return "%if(\(sexp(c)) [\(t.map(sexpPart).joined(separator: " "))] [\(e.map(sexpPart).joined(separator: " "))])"
    case .forDirective(let k, let v, let c, let b): return "%for(\(k.map { "\($0)," } ?? "")\(v) \(sexp(c)) [\(b.map(sexpPart).joined(separator: " "))])"
    }
}

private func expr(_ text: String) throws -> String { sexp(try HCLParser.parseExpression(text, file: "t.hcl")) }
private func attr(_ text: String) throws -> String {
    let f = try HCLParser.parse(bytes: Array(text.utf8), file: "t.tf")
    return sexp(f.body.attributes[0].expr)
}
private func parseError(_ text: String, file: String = "t.tf") -> String {
    do { _ = try HCLParser.parse(bytes: Array(text.utf8), file: file); return "no error" } catch let e as CostGateError { return e.description } catch { return "\(error)" }
}

@Suite struct HCLParserTests {
    @Test func literals() throws {
        #expect(try expr("42") == "42")
        #expect(try expr("1.5e3") == "1.5e3")
        #expect(try expr("-3") == "-3")
        #expect(try expr("true") == "true")
        #expect(try expr("null") == "null")
        #expect(try expr(#""a\tb\u00e9\"""#) == #""a\tbé\"""#)
    }

    @Test func operatorsFollowPrecedence() throws {
        #expect(try expr("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(try expr("a || b && c == d") == "(|| a (&& b (== c d)))")
        #expect(try expr("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(try expr("a < b == c >= d") == "(== (< a b) (>= c d))")
        #expect(try expr("!a && -b.c % 2 != 0") == "(&& (! a) (!= (% (neg b.c) 2) 0))")
        #expect(try expr("(1 + 2) * 3") == "(* ((+ 1 2)) 3)")
    }

    @Test func conditionalsNest() throws {
        #expect(try expr("a ? b : c ? d : e") == "(? a b (? c d e))")
        #expect(try expr("x == 1 ? \"one\" : \"many\"") == "(? (== x 1) \"one\" \"many\")")
    }

    @Test func traversalsAndSplats() throws {
        #expect(try expr("var.a.b[0][\"k\"].c") == "var.a.b[0][\"k\"].c")
        #expect(try expr("aws_instance.x.0.id") == "aws_instance.x[0].id")
        #expect(try expr("a[*].b.c") == "(splat a @.b.c)")
        #expect(try expr("a[*].b[0]") == "(splat a @.b[0])")
        #expect(try expr("a.*.b[0]") == "(splat a @.b)[0]")
        #expect(try expr("a[*]") == "(splat a @)")
    }

    @Test func callsWithExpansion() throws {
        #expect(try expr("max(1, 2)") == "(max 1 2)")
        #expect(try expr("concat(a, b...)") == "(concat a b ...)")
        #expect(try expr("f(\n 1,\n 2,\n)") == "(f 1 2)")
        #expect(try expr("provider::aws::arn_parse(x)") == "(provider::aws::arn_parse x)")
        #expect(try expr("f()") == "(f )")
    }

    @Test func collections() throws {
        #expect(try expr("[1, \"a\", [],]") == "[1 \"a\" []]")
        #expect(try expr("{a = 1, \"b\" = 2\n c: 3}") == "{\"a\"=1 \"b\"=2 \"c\"=3}")
        #expect(try expr("{(var.k) = 1}") == "{(var.k)=1}")
        #expect(try expr("{\n  a = 1\n  b = [\n 1,\n 2]\n}") == "{\"a\"=1 \"b\"=[1 2]}")
    }

    @Test func forExpressions() throws {
        #expect(try expr("[for s in var.l : upper(s) if s != \"\"]") == "(for s var.l (upper s) if (!= s \"\"))")
        #expect(try expr("{for k, v in m : k => v}") == "(for k,v m k => v)")
        #expect(try expr("{for v in l : v.az => v.id...}") == "(for v l v.az => v.id...)")
        #expect(try expr("{ for = 1 }") == "{\"for\"=1}")
    }

    @Test func templates() throws {
        #expect(try expr(#""a-${var.x}-b""#) == #"(tpl "a-" ${var.x} "-b")"#)
        #expect(try expr(#""$${x} %%{y}""#) == #""${x} %{y}""#)
        #expect(try expr(#""${ {a = "}"}.a }""#) == #"(tpl ${{"a"="}"}.a})"#)
        #expect(try expr(#""%{ if a }yes%{ else }no%{ endif }""#) == #"(tpl %if(a ["yes"] ["no"]))"#)
        #expect(try expr(#""%{ for k, v in m }${k}=${v},%{ endfor }""#) == #"(tpl %for(k,v m [${k} "=" ${v} ","]))"#)
        #expect(try expr(#""a  ${~ x ~}  b""#) == #"(tpl "a" ${x} "b")"#)
        #expect(try attr("a = <<EOT\nx \n%{~ if c ~}\n y \n%{~ endif ~}\n z\nEOT\n") == #"(tpl "x" %if(c ["y"] []) "z\n")"#)
    }

    @Test func heredocs() throws {
        #expect(try attr("a = <<EOT\nhello ${name}\n  world\nEOT\n") == #"(tpl "hello " ${name} "\n  world\n")"#)
        #expect(try attr("a = <<-EOT\n    one\n      two\n    EOT\n") == #""one\n  two\n""#)
        #expect(try attr("a = <<EOT\n%{ for x in l ~}\n${x}\n%{ endfor ~}\nEOT\n") == #"(tpl %for(x l [${x} "\n"]))"#)
        #expect(try attr("a = <<EOT\nEOT\n") == #""""#)
    }

    @Test func bodiesWithPositions() throws {
        let text = """
        # comment
        resource "aws_instance" "web" { // trailing
          ami = "x" /* inline */
          root_block_device {
            volume_size = 10
          }
          tags = { Name = "a" }
          empty {}
          one { a = 1 }
        }
        locals {
          x = 1
        }
        """
        let f = try HCLParser.parse(bytes: Array(text.utf8), file: "m.tf")
        #expect(f.body.blocks.count == 2)
        let r = f.body.blocks[0]
        #expect(r.type == "resource" && r.labels == ["aws_instance", "web"] && r.pos == HCLPos(2, 1))
        #expect(r.body.attributes.map(\.name) == ["ami", "tags"])
        #expect(r.body.attributes[0].pos == HCLPos(3, 3))
        #expect(r.body.blocks.map(\.type) == ["root_block_device", "empty", "one"])
        #expect(r.body.blocks[0].body.attributes[0].pos == HCLPos(5, 5))
        #expect(sexp(r.body.blocks[2].body.attributes[0].expr) == "1")
        #expect(f.body.blocks[1].pos == HCLPos(11, 1))
    }

    @Test func syntaxErrorsCarryPositions() {
        #expect(parseError("a = \n") == "t.tf:1:5: expected an expression, found a newline")
        #expect(parseError("resource \"x\" \"y\" {\n  a = 1\n") == "t.tf:3:1: missing '}' to close the block")
        #expect(parseError("a = \"abc\n") == "t.tf:1:9: unterminated string: a quoted string cannot span lines (close it, or use a heredoc <<EOT)")
        #expect(parseError("a = [1, 2\n") == "t.tf:2:1: expected ',' or ']' in the list opened at 1:5, found end of file")
        #expect(parseError("a = 1 b = 2\n") == "t.tf:1:7: expected a newline after attribute a, found 'b'")
        #expect(parseError("x \"${y}\" {\n}\n") == "t.tf:1:3: a block label cannot contain interpolation")
        #expect(parseError("a = f(1\n") == "t.tf:2:1: expected ',' or ')' in the call of f opened at 1:5, found end of file")
        #expect(parseError("a = \"\\q\"\n") == "t.tf:1:6: invalid escape sequence \\q; use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN")
        #expect(parseError("a = <<EOT\nhello\n") == "t.tf:1:7: heredoc EOT is not closed: no line holding only EOT follows")
        #expect(parseError("a = \"%{ if x }y\"\n") == "t.tf:1:6: %{ if } without its %{ endif }")
        #expect(parseError("a = \"%{ endfor }\"\n") == "t.tf:1:6: %{ endfor } without a %{ for }")
        #expect(parseError("}\n") == "t.tf:1:1: unexpected '}' with no block to close")
        #expect(parseError("a = x ? 1\n") == "t.tf:2:1: expected ':' in the conditional expression, found end of file")
        #expect(parseError("a = [for x in l x]\n") == "t.tf:1:17: expected ':' after the collection of the for expression, found 'x'")
        #expect(parseError("\u{1}a = 1\n") == "t.tf:1:1: expected an attribute or block name, found control character \\u0001")
        #expect(parseError("a = 1 \u{7}\n") == "t.tf:1:7: expected a newline after attribute a, found control character \\u0007")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "a = " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n"
        #expect(parseError(deep).hasPrefix("t.tf:1:") && parseError(deep).hasSuffix("nesting deeper than 256 levels; simplify the expression or block"))
        let ok = "a = " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        #expect(parseError(ok) == "no error")
        let blocks = String(repeating: "b {\n", count: 300) + String(repeating: "}\n", count: 300)
        #expect(parseError(blocks).hasSuffix("nesting deeper than 256 levels; simplify the expression or block"))
    }

    @Test func jsonSyntax() throws {
        let text = """
        {
          "variable": {"n": {"type": "number", "default": 2}},
          "resource": {
            "aws_instance": {
              "web": {"count": "${var.n}", "instance_type": "t3.micro", "tags": {"Name": "w-${count.index}"},
                      "lifecycle": {"create_before_destroy": true}}
            }
          },
          "locals": {"a": "x"}
        }
        """
        let f = try HCLJSONSyntax.parse(bytes: Array(text.utf8), file: "m.tf.json")
        #expect(f.body.blocks.map { "\($0.type) \($0.labels)" } == ["variable [\"n\"]", "resource [\"aws_instance\", \"web\"]", "locals []"])
        let r = f.body.blocks[1]
        #expect(r.pos == HCLPos(5, 7))
        #expect(r.body.attributes.map { "\($0.name)=\(sexp($0.expr))" } == ["count=(tpl ${var.n})", "instance_type=\"t3.micro\"",
                                                                          "tags={\"Name\"=(tpl \"w-\" ${count.index})}"])
        #expect(r.body.blocks.map(\.type) == ["lifecycle"])
        #expect(sexp(f.body.blocks[0].body.attributes[0].expr) == "number")
        do {
            _ = try HCLJSONSyntax.parse(bytes: Array("{\n \"resource\": [1,]\n}".utf8), file: "b.tf.json")
            Issue.record("no error")
        } catch let e as CostGateError {
            #expect(e.description == "b.tf.json:2:17: expected a JSON value, found ']'")
        }
    }
}
