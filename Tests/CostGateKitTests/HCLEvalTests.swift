import Testing
@testable import CostGateKit

/// A compact exact rendering of a value: JSON with `(unknown)` and `(sensitive)` leaves.
func show(_ v: Value) -> String {
    switch v {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return n
    case .string(let s): return HCLText.quoted(s)
    case .array(let items): return "[" + items.map(show).joined(separator: ",") + "]"
    case .object(let m): return "{" + m.filter { $0.key != HCLEvaluator.computedKey }.map { "\($0.key)=\(show($0.value))" }.joined(separator: ",") + "}"
    case .unknown: return "(unknown)"
    case .sensitive: return "(sensitive)"
    }
}

/// Evaluates one expression with `x` unknown, `s` sensitive, `l` = ["a","b","c"], `m` = {a=1,b=2}.
func ev(_ text: String, directory: String = ".") -> String {
    do {
        let e = try HCLParser.parseExpression(text, file: "t")
        var evaluator = HCLEvaluator(names: nil)
        let env: HCLEvaluator.Env = ["x": .unknown, "s": .sensitive, "l": .array([.string("a"), .string("b"), .string("c")]),
                                     "m": .object(["a": .number("1"), "b": .number("2")])]
        return show(try evaluator.eval(e, env))
    } catch let e as HCLEvalError {
        return "error: \(e.message)"
    } catch {
        return "error: \(error)"
    }
}

@Suite struct HCLEvalTests {
    @Test func operatorsAndConditionals() {
        #expect(ev("1 + 2 * 3") == "7")
        #expect(ev("7 / 2") == "3.5")
        #expect(ev("7 % 3") == "1")
        #expect(ev("-7 % 3") == "-1")
        #expect(ev("1 == 1.0") == "true")
        #expect(ev("\"a\" != \"b\" && !false") == "true")
        #expect(ev("3 >= 4 || 2 < 3") == "true")
        #expect(ev("true ? \"y\" : \"n\"") == "\"y\"")
        #expect(ev("1 / 0") == "error: division by zero")
        #expect(ev("\"a\" + 1") == "error: a number is required, got string")
    }

    @Test func unknownAndSensitivePropagate() {
        #expect(ev("x + 1") == "(unknown)")
        #expect(ev("x ? 1 : 2") == "(unknown)")
        #expect(ev("\"a-${x}\"") == "(unknown)")
        #expect(ev("\"a-${s}\"") == "(sensitive)")
        #expect(ev("false && x") == "false")
        #expect(ev("true || x") == "true")
        #expect(ev("[1, x]") == "[1,(unknown)]")
        #expect(ev("length([1, x])") == "2")
        #expect(ev("upper(x)") == "(unknown)")
        #expect(ev("join(\",\", [\"a\", x])") == "(unknown)")
        #expect(ev("s == 1") == "(sensitive)")
        #expect(ev("x[0]") == "(unknown)")
        #expect(ev("x.a.b") == "(unknown)")
        #expect(ev("[for v in x : v]") == "(unknown)")
    }

    @Test func templatesAndDirectives() {
        #expect(ev("\"${1 + 1} items\"") == "\"2 items\"")
        #expect(ev("\"%{ for v in l }${v};%{ endfor }\"") == "\"a;b;c;\"")
        #expect(ev("\"%{ if length(l) > 2 }many%{ else }few%{ endif }\"") == "\"many\"")
        #expect(ev("\"%{ for k, v in m }${k}=${v} %{ endfor }\"") == "\"a=1 b=2 \"")
        #expect(ev("\"${m}\"") == "{a=1,b=2}")   // a lone interpolation keeps its type
        #expect(ev("\"n=${null}\"") == "error: a string is required, got null")
    }

    @Test func forExpressionsAndSplats() {
        #expect(ev("[for i, v in l : \"${i}${v}\" if v != \"b\"]") == "[\"0a\",\"2c\"]")
        #expect(ev("{for k, v in m : v => k}") == "{1=\"a\",2=\"b\"}")
        #expect(ev("{for v in [\"a\", \"b\", \"a\"] : v => v...}") == "{a=[\"a\",\"a\"],b=[\"b\"]}")
        #expect(ev("{for v in [\"a\", \"a\"] : v => v}") == "error: duplicate key \"a\" in the for expression; add '...' to group values")
        #expect(ev("[{a = 1}, {a = 2}][*].a") == "[1,2]")
        #expect(ev("[{a = {b = 1}}][*].a.b") == "[1]")
        #expect(ev("[{a = 1}, {a = 2}].*.a[1]") == "2")
        #expect(ev("{a = 1}[*].a") == "[1]")
        #expect(ev("null[*]") == "[]")
        #expect(ev("m[\"b\"]") == "2")
        #expect(ev("m.c") == "error: this object has no attribute c")
        #expect(ev("l[5]") == "error: index 5 out of range for a list of 3")
    }

    @Test func tryAndCan() {
        #expect(ev("try(m.c, \"fallback\")") == "\"fallback\"")
        #expect(ev("try(m.a, 0)") == "1")
        #expect(ev("can(m.c)") == "false")
        #expect(ev("can(m.a)") == "true")
        #expect(ev("try(x, 1)") == "(unknown)")
        #expect(ev("try(m.c)") == "error: no argument of try() could be evaluated")
    }

    @Test func numericFunctions() {
        #expect(ev("abs(-2.5)") == "2.5")
        #expect(ev("ceil(1.2)") == "2")
        #expect(ev("ceil(-1.2)") == "-1")
        #expect(ev("floor(-1.2)") == "-2")
        #expect(ev("floor(3)") == "3")
        #expect(ev("max(1, 5, 3)") == "5")
        #expect(ev("min([4, 2]...)") == "2")
        #expect(ev("pow(2, 10)") == "1024")
        #expect(ev("signum(-3)") == "-1")
        #expect(ev("parseint(\"ff\", 16)") == "255")
    }

    @Test func stringFunctions() {
        #expect(ev("chomp(\"a\\n\\n\")") == "\"a\"")
        #expect(ev("format(\"%s-%03d-%.2f-%v-%t-%%\", \"a\", 7, 3.14159, 2, true)") == "\"a-007-3.14-2-true-%\"")
        #expect(ev("format(\"%-4s|%5s|%q\", \"ab\", \"cd\", \"e\")") == "\"ab  |   cd|\\\"e\\\"\"")
        #expect(ev("formatlist(\"%s=%s\", [\"a\", \"b\"], \"v\")") == "[\"a=v\",\"b=v\"]")
        #expect(ev("indent(2, \"a\\nb\")") == "\"a\\n  b\"")
        #expect(ev("join(\"-\", l, [\"d\"])") == "\"a-b-c-d\"")
        #expect(ev("lower(\"AbC\")") == "\"abc\"" && ev("upper(\"abc\")") == "\"ABC\"")
        #expect(ev("replace(\"a.b.c\", \".\", \"/\")") == "\"a/b/c\"")
        #expect(ev("replace(\"t3.micro\", \"/^([a-z]+)([0-9])\\\\..*$/\", \"$1-$2\")") == "\"t-3\"")
        #expect(ev("split(\",\", \"a,b,,c\")") == "[\"a\",\"b\",\"\",\"c\"]")
        #expect(ev("split(\",\", \"\")") == "[]")
        #expect(ev("strrev(\"abc\")") == "\"cba\"")
        #expect(ev("substr(\"hello\", 1, 3)") == "\"ell\"")
        #expect(ev("substr(\"hello\", -3, -1)") == "\"llo\"")
        #expect(ev("title(\"hello world\")") == "\"Hello World\"")
        #expect(ev("trim(\"?!a?!\", \"!?\")") == "\"a\"")
        #expect(ev("trimprefix(\"foobar\", \"foo\")") == "\"bar\"")
        #expect(ev("trimsuffix(\"foobar\", \"bar\")") == "\"foo\"")
        #expect(ev("trimspace(\"  a b \\n\")") == "\"a b\"")
        #expect(ev("startswith(\"abc\", \"ab\")") == "true" && ev("endswith(\"abc\", \"bc\")") == "true")
        #expect(ev("strcontains(\"abc\", \"d\")") == "false")
    }

    @Test func regexFunctions() {
        #expect(ev("regex(\"[a-z]+\", \"123abc456\")") == "\"abc\"")
        #expect(ev("regex(\"(\\\\d+)-(\\\\d+)\", \"x 10-20 y\")") == "[\"10\",\"20\"]")
        #expect(ev("regex(\"(?P<family>[a-z]+\\\\d)\\\\.(?P<size>\\\\w+)\", \"m5.large\")") == "{family=\"m5\",size=\"large\"}")
        #expect(ev("regexall(\"a+\", \"caaab aa\")") == "[\"aaa\",\"aa\"]")
        #expect(ev("regexall(\"^x|y$\", \"xay\")") == "[\"x\",\"y\"]")
        #expect(ev("regex(\"a{2,3}?\", \"aaaa\")") == "\"aa\"")
        #expect(ev("regex(\"(a|ab)(c|bcd)\", \"abcd\")") == "[\"a\",\"bcd\"]")
        #expect(ev("regex(\"z\", \"abc\")") == "error: regex(): the pattern does not match")
        #expect(ev("regex(\"(?=a)\", \"abc\")") == "error: regex: flags and look-around (?…) are not supported")
        // linear: a pattern that is exponential for a backtracking engine
        let long = String(repeating: "a", count: 2000)
        #expect(ev("regex(\"^(a*)*b\", \"\(long)\")") == "error: regex(): the pattern does not match")
    }

    @Test func collectionFunctions() {
        #expect(ev("alltrue([true, true])") == "true" && ev("anytrue([false])") == "false" && ev("alltrue([true, x])") == "(unknown)")
        #expect(ev("chunklist([1, 2, 3], 2)") == "[[1,2],[3]]")
        #expect(ev("coalesce(null, \"\", \"b\")") == "\"b\"")
        #expect(ev("coalescelist([], [1])") == "[1]")
        #expect(ev("compact([\"a\", \"\", null, \"b\"])") == "[\"a\",\"b\"]")
        #expect(ev("concat([1], [2, 3])") == "[1,2,3]")
        #expect(ev("contains(l, \"b\")") == "true")
        #expect(ev("distinct([1, 2, 1])") == "[1,2]")
        #expect(ev("element(l, 4)") == "\"b\"")
        #expect(ev("flatten([[1, [2]], 3])") == "[1,2,3]")
        #expect(ev("index(l, \"c\")") == "2")
        #expect(ev("keys({b = 1, a = 2})") == "[\"a\",\"b\"]")
        #expect(ev("values({b = 1, a = 2})") == "[2,1]")
        #expect(ev("length(\"héllo\")") == "5")
        #expect(ev("list(1, 2)") == "[1,2]")
        #expect(ev("lookup(m, \"z\", 9)") == "9" && ev("lookup(m, \"a\")") == "1")
        #expect(ev("merge({a = 1}, null, {b = 2, a = 3})") == "{a=3,b=2}")
        #expect(ev("one([])") == "null" && ev("one([1, 2])") == "error: one(): the list has 2 elements; at most one is allowed")
        #expect(ev("range(3)") == "[0,1,2]" && ev("range(1, 10, 4)") == "[1,5,9]" && ev("range(3, 0)") == "[3,2,1]")
        #expect(ev("reverse(l)") == "[\"c\",\"b\",\"a\"]")
        #expect(ev("setintersection([1, 2, 3], [2, 3, 4])") == "[2,3]")
        #expect(ev("setproduct([\"a\", \"b\"], [1, 2])") == "[[\"a\",1],[\"a\",2],[\"b\",1],[\"b\",2]]")
        #expect(ev("setsubtract([1, 2, 3], [2])") == "[1,3]")
        #expect(ev("setunion([1], [1, 2])") == "[1,2]")
        #expect(ev("slice(l, 1, 3)") == "[\"b\",\"c\"]")
        #expect(ev("sort([\"b\", \"a\", \"B\"])") == "[\"B\",\"a\",\"b\"]")
        #expect(ev("sum([1, 2.5])") == "3.5")
        #expect(ev("transpose({a = [\"x\", \"y\"], b = [\"x\"]})") == "{x=[\"a\",\"b\"],y=[\"a\"]}")
        #expect(ev("zipmap([\"a\", \"b\"], [1, 2])") == "{a=1,b=2}")
    }

    @Test func typeFunctions() {
        #expect(ev("tobool(\"true\")") == "true")
        #expect(ev("tonumber(\"1.50\")") == "1.5")
        #expect(ev("tonumber(\"x\")") == "error: a number is required, got string")
        #expect(ev("tostring(12)") == "\"12\"")
        #expect(ev("tolist([1])") == "[1]")
        #expect(ev("toset([\"b\", \"a\", \"b\"])") == "[\"a\",\"b\"]")
        #expect(ev("tomap({a = 1})") == "{a=1}")
        #expect(ev("type(m)") == "\"object\"")
    }

    @Test func encodingFunctions() {
        #expect(ev("base64encode(\"hello\")") == "\"aGVsbG8=\"")
        #expect(ev("base64decode(\"aGVsbG8=\")") == "\"hello\"")
        #expect(ev("jsonencode({b = [1, true, null], a = \"<x>\"})") == #""{\"a\":\"\\u003cx\\u003e\",\"b\":[1,true,null]}""#)
        #expect(ev("jsondecode(\"{\\\"a\\\": [1, \\\"x\\\"]}\")") == "{a=[1,\"x\"]}")
        #expect(ev("yamlencode({a = 1, b = [\"x\"]})") == #""\"a\": 1\n\"b\":\n- \"x\"\n""#)
        #expect(ev("yamldecode(\"a: 1\\nb: [x]\")") == "{a=1,b=[\"x\"]}" || ev("yamldecode(\"a: 1\\nb: [x]\")") == "{a=\"1\",b=[\"x\"]}")
        #expect(ev("urlencode(\"a b&c\")") == "\"a%20b%26c\"")
    }

    @Test func networkFunctions() {
        #expect(ev("cidrsubnet(\"10.0.0.0/16\", 8, 2)") == "\"10.0.2.0/24\"")
        #expect(ev("cidrsubnet(\"10.1.2.0/24\", 4, 15)") == "\"10.1.2.240/28\"")
        #expect(ev("cidrhost(\"10.0.0.0/24\", 5)") == "\"10.0.0.5\"")
        #expect(ev("cidrhost(\"10.0.0.0/24\", -1)") == "\"10.0.0.255\"")
        #expect(ev("cidrnetmask(\"172.16.0.0/12\")") == "\"255.240.0.0\"")
        #expect(ev("cidrsubnets(\"10.1.0.0/16\", 4, 4, 8, 4)") == "[\"10.1.0.0/20\",\"10.1.16.0/20\",\"10.1.32.0/24\",\"10.1.48.0/20\"]")
        #expect(ev("cidrsubnet(\"10.0.0.0/16\", 8, 256)") == "error: cidrsubnet(): network number 256 does not fit in 8 bits")
    }

    @Test func hashesAndUnknownFunctions() {
        #expect(ev("md5(\"hello world\")") == "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"")
        #expect(ev("sha1(\"hello world\")") == "\"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\"")
        #expect(ev("sha256(\"hello world\")") == "\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"")
        #expect(ev("md5(\"\")") == "\"d41d8cd98f00b204e9800998ecf8427e\"")
        #expect(ev("sha256(\"\(String(repeating: "a", count: 64))\")") == "\"ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb\"")
        #expect(ev("uuid()") == "(unknown)" && ev("timestamp()") == "(unknown)")
        #expect(ev("nosuch(1)") == "error: unknown function nosuch()")
    }

    @Test func filesRelativeToTheModule() {
        let dir = Paths.fixtures + "/hcl/files"
        func at(_ text: String) -> String {
            final class Names: HCLNames {
                let moduleDirectory: String
                init(_ d: String) { moduleDirectory = d }
                func resolve(root: String, steps: [HCLStep], pos: HCLPos) throws -> (Value, Int) { throw HCLEvalError("no \(root)", pos) }
            }
            let names = Names(dir)
            do {
                var e = HCLEvaluator(names: names)
                return show(try e.eval(try HCLParser.parseExpression(text, file: "t"), [:]))
            } catch let e as HCLEvalError { return "error: \(e.message)" } catch { return "error: \(error)" }
        }
        #expect(at("file(\"hello.txt\")") == "\"hello\\n\"")
        #expect(at("fileexists(\"hello.txt\")") == "true" && at("fileexists(\"nope.txt\")") == "false")
        #expect(at("templatefile(\"greet.tpl\", {names = [\"a\", \"b\"], title = \"Hi\"})") == "\"Hi a!\\nHi b!\\n\"")
        #expect(at("file(\"nope.txt\")") == "error: file(): no file nope.txt")
    }
}
