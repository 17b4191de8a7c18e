import FoundationEssentials
import Testing
@testable import CostGateKit

@Suite struct JSONReaderTests {
    func read(_ text: String) throws -> Value {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf in
            var r = JSONReader(bytes: buf, file: "t.json")
            return try r.readValue()
        }
    }

    func error(_ text: String) -> String? {
        do { _ = try read(text); return nil } catch let e as CostGateError { return e.description } catch { return "\(error)" }
    }

    @Test func readsValues() throws {
        let v = try read(#"{"a": [1, 2.5, -3e2], "b": {"c": "x\"y\u00e9\ud83d\ude00"}, "d": true, "e": null}"#)
        #expect(v["a"][1] == .number("2.5"))
        #expect(v["a"][2].decimal == Decimal(-300))
        #expect(v["b"]["c"].string == "x\"yé😀")
        #expect(v["d"].bool == true)
        #expect(v["e"].isNull)
    }

    @Test func reportsLineAndColumn() {
        #expect(error("{\n  \"a\": 1,\n  \"b\" 2\n}") == "t.json:3:7: invalid JSON: expected ':' after a key, found '2'")
        #expect(error("{\"a\": [1, 2,]}")?.hasPrefix("t.json:1:13: invalid JSON") == true)
        #expect(error("{\"a\": \"open}")?.contains("string is not closed") == true)
        #expect(error("{\"a\": 01x}") != nil)
    }

    @Test func skipValidatesWhatItSkips() {
        let text = #"{"skip": {"x": [1, {"y": tru}]}, "k": 1}"#
        let bytes = Array(text.utf8)
        let thrown = bytes.withUnsafeBufferPointer { buf -> Bool in
            var r = JSONReader(bytes: buf, file: "t.json")
            do {
                var o = try r.beginObject()
                while try r.nextKey(&o) != nil { try r.skipValue() }
                return false
            } catch { return true }
        }
        #expect(thrown)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(error(deep)?.contains("nested more than") == true)
    }
}
