import FoundationEssentials
import Testing
import CostGateKit
import Glibc

/// Hostile Terraform source (issue 16, found by the hcl fuzz target and by reading its functions): work that grows
/// faster than the input (a quadratic function per instance, values doubling through locals, nested `for`s,
/// objects of many keys built key by key) and functions that trapped on numbers from the input.
@Suite struct HostileHCLTests {
    /// `main.tf` past the work budget: one line naming the budget and main.tf:LINE:COL, within 10 s.
    static func expectBudgetError(_ tf: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let dir = try Hostile.folder(["main.tf": tf])
        let r = Hostile.run(["estimate", "."], in: dir)
        let line = Hostile.expectOneLineError(r, what, sourceLocation: sourceLocation)
        #expect(line.contains("more than \(Limits.maxHCLSteps) steps"), "\(what): \(line)", sourceLocation: sourceLocation)
        Hostile.expectPlace(line, "main.tf", sourceLocation: sourceLocation)
        #expect(r.seconds < 10, "\(what): took \(r.seconds) s", sourceLocation: sourceLocation)
    }

    static func instance(_ attributes: String) -> String {
        "resource \"aws_instance\" \"a\" {\n  ami           = \"ami-1\"\n  instance_type = \"t3.micro\"\n\(attributes)\n}\n"
    }

    /// The fuzz finding, larger: `distinct()` over 900 objects in a resource of 900 instances (`for_each`).
    /// `distinct` compared each value with every one kept (0.4 billion comparisons here); now it is linear and
    /// the read's work is bounded: past the budget one line, with the place.
    @Test func aQuadraticFunctionPerInstanceIsBounded() throws {
        let skus = (1...100).map { "\"S\($0)\"" }.joined(separator: ", ")
        let tf = """
            locals {
              skus    = [\(skus)]
              workers = [1, 2, 3]
              types   = ["Windows", "Linux", "WindowsContainer"]
              all     = flatten([for t in local.types : [for s in local.skus : [for w in local.workers : { sku = s, worker = w, os = t }]]])
            }
            resource "azurerm_service_plan" "p" {
              for_each            = { for e in local.all : "${e.os}.${e.sku}.${e.worker}" => e }
              name                = "plan"
              location            = "eastus"
              resource_group_name = "rg"
              os_type             = each.value.os
              sku_name            = "B1"
              worker_count        = each.value.worker
              permutations        = distinct(local.all)
            }

            """
        try Self.expectBudgetError(tf, "distinct per instance")
    }

    /// The same function once, over 16,000 values (8,000 distinct): quick (64 million comparisons when quadratic).
    @Test func distinctOverManyValuesIsLinear() throws {
        let tf = """
            locals {
              many = [for i in range(16000) : { n = i % 8000, tag = "x" }]
              uniq = distinct(local.many)
            }

            """ + Self.instance("  tags = { unique = tostring(length(local.uniq)) }")
        let dir = try Hostile.folder(["main.tf": tf])
        let r = Hostile.run(["estimate", ".", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(r.stdout.contains("\"8000\""), "the distinct values are not 8,000")
        #expect(r.seconds < 10, "took \(r.seconds) s")
    }

    /// An object of 40,000 keys built by a `for` expression: linear (it was quadratic, key by key: 1.6 billion
    /// key comparisons).
    @Test func aForObjectOfManyKeysIsLinear() throws {
        let tf = """
            locals {
              m = { for i in range(40000) : "k${i}" => i }
            }

            """ + Self.instance("  tags = { keys = tostring(length(local.m)), last = tostring(local.m[\"k39999\"]) }")
        let dir = try Hostile.folder(["main.tf": tf])
        let r = Hostile.run(["estimate", ".", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(r.stderr.prefix(300))")
        #expect(r.stdout.contains("\"40000\"") && r.stdout.contains("\"39999\""), "\(r.stdout.prefix(300))")
        #expect(r.seconds < 10, "took \(r.seconds) s")
    }

    /// Values doubling through locals (2^40 strings in `l40`, 22 lines of input): an error at the budget.
    @Test func valuesDoublingThroughLocalsAreAnError() throws {
        var tf = "locals {\n  l0 = [\"x\"]\n"
        for i in 1...40 { tf += "  l\(i) = [local.l\(i - 1), local.l\(i - 1)]\n" }
        tf += "}\n" + Self.instance("  tags = { a = jsonencode(local.l40) }")
        try Self.expectBudgetError(tf, "doubling locals")
    }

    /// The budget spent where another error then ends the read — a module's input, a variables file — is still
    /// the error printed: one line, the budget, the place it ran out.
    @Test(arguments: ["module input", "variables file"])
    func theBudgetErrorIsTheOnePrinted(_ whereSpent: String) throws {
        let cube = "[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]"
        var files: [String: String] = [:]
        switch whereSpent {
        case "module input":
            files["main.tf"] = "module \"m\" {\n  source = \"./m\"\n  cube   = \(cube)\n}\n"
            files["m/main.tf"] = "variable \"cube\" {}\n" + Self.instance("  count = length(var.cube)")
        default:
            files["main.tf"] = "variable \"cube\" {}\n" + Self.instance("  count = length(var.cube)")
            files["terraform.tfvars"] = "cube = \(cube)\n"
        }
        let dir = try Hostile.folder([:])
        mkdir(dir + "/m", 0o755)
        for (name, text) in files { try FileIO.writeAtomically(text, to: dir + "/" + name) }
        let r = Hostile.run(["estimate", "."], in: dir)
        let line = Hostile.expectOneLineError(r, whereSpent)
        #expect(line.contains("more than \(Limits.maxHCLSteps) steps"), "\(whereSpent): \(line)")
        #expect(line.contains(whereSpent == "module input" ? "main.tf:3:" : "terraform.tfvars:1:"), "\(whereSpent): \(line)")
        #expect(r.seconds < 10, "\(whereSpent): took \(r.seconds) s")
    }

    /// Three nested `for`s of 1,000 each (a billion evaluations): an error at the budget, quickly.
    @Test func nestedForsPastTheBudgetAreAnError() throws {
        let tf = "locals {\n  cube = [for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]\n}\n"
            + Self.instance("  tags = { n = tostring(length(local.cube)) }")
        try Self.expectBudgetError(tf, "a billion evaluations")
    }

    /// A costly attribute in each of 100,000 instances (`sum` over 100,000 numbers each): the budget, not a hang.
    @Test func aCostlyAttributeInManyInstancesIsAnError() throws {
        let tf = "locals {\n  big = range(100000)\n}\n" + """
            resource "aws_instance" "a" {
              count         = 100000
              ami           = "ami-1"
              instance_type = "t3.micro"
              tags          = { total = tostring(sum(local.big)) }
            }

            """
        try Self.expectBudgetError(tf, "sum per instance")
    }

    /// Function calls whose numbers trapped (arithmetic overflow, a radix precondition, a negative count): the
    /// attribute is unknown, with its reason, and the instance is still priced.
    @Test(arguments: [
        "format(\"%99999999999999999999d\", 1)",
        "format(\"%.99999999999999999999f\", 1)",
        "pow(1000000000000000000, 1024)",
        "pow(0.000000000000000001, 1024)",
        "pow(10, 5000.5)",
        "log(0, 10)",
        "parseint(\"1\", 1)",
        "substr(\"abc\", 1, 9223372036854775807)",
        "cidrsubnet(\"10.0.0.0/16\", 9223372036854775807, 0)",
        "join(\",\", cidrsubnets(\"10.0.0.0/16\", 9223372036854775807))",
        "indent(-1, \"a\\nb\")",
        "indent(1000000000, \"a\\nb\")",
    ])
    func aTrappingFunctionCallIsAnUnknownAttribute(_ call: String) throws {
        let dir = try Hostile.folder(["main.tf": Self.instance("  user_data = \(call)")])
        let r = Hostile.run(["estimate", ".", "--format", "json"], in: dir)
        #expect(r.status == 0, "\(call): exit \(r.status), \(r.stderr.prefix(300))")
        #expect(r.stdout.contains("aws_instance.a"), "\(call): \(r.stdout.prefix(300))")
        #expect(r.stdout.contains("user_data unknown"), "\(call): the attribute's reason is not listed")
    }
}
