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

@Suite struct FastSkipTests {
    func skipError(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf -> String? in
            var r = JSONReader(bytes: buf, file: "t.json")
            do { try r.skipValue(); return r.pos == buf.count ? nil : "stopped at \(r.pos)" } catch { return "\(error)" }
        }
    }

    @Test func acceptsValidJSON() {
        #expect(skipError(#"{"a": [1, -2.5e3, true, false, null, "x\"]{"], "b": {}}"#) == nil)
    }

    @Test(arguments: [
        (#"{"a": [1, 2}"#, "t.json:1:12: invalid JSON: unexpected '}' (is a bracket unbalanced?)"),
        (#"{"a": tru}"#, "t.json:1:7: invalid JSON: unexpected 't'"),
        (#"{"a": 1x}"#, "t.json:1:8: invalid JSON: unexpected 'x'"),
        ("{\"a\": \"line\nbreak\"}", "t.json:1:12: invalid JSON: control character inside a string (is a closing quote missing?)"),
        (#"{"a": [1, 2]"#, "t.json:1:13: invalid JSON: unexpected end of file inside an object"),
    ])
    func rejectsBrokenJSON(_ text: String, _ message: String) {
        #expect(skipError(text) == message)
    }
}
