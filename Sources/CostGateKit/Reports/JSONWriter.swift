import FoundationEssentials
/// A JSON value with ordered keys, written deterministically.
indirect enum JSON {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    static func opt(_ s: String?) -> JSON { s.map { .string($0) } ?? .null }

    func render(indent: Int = 0) -> String {
        let sink = OutputSink()
        write(to: sink, indent: indent)
        return sink.text
    }

    func write(to out: OutputSink, indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, to: out)
        case .number(let n): out.write(n)
        case .bool(let b): out.write(b ? "true" : "false")
        case .null: out.write("null")
        case .array(let items):
            if items.isEmpty { out.write("[]"); return }
            let pad = JSON.pad(indent), inner = JSON.pad(indent + 1)
            out.write("[\n")
            for (i, item) in items.enumerated() {
                out.write(inner)
                item.write(to: out, indent: indent + 1)
                out.write(i + 1 < items.count ? ",\n" : "\n")
            }
            out.write(pad + "]")
        case .object(let members):
            if members.isEmpty { out.write("{}"); return }
            let pad = JSON.pad(indent), inner = JSON.pad(indent + 1)
            out.write("{\n")
            for (i, (k, v)) in members.enumerated() {
                out.write(inner)
                JSON.quote(k, to: out)
                out.write(": ")
                v.write(to: out, indent: indent + 1)
                out.write(i + 1 < members.count ? ",\n" : "\n")
            }
            out.write(pad + "}")
        }
    }

    static let pads = (0..<16).map { String(repeating: "  ", count: $0) }
    static func pad(_ n: Int) -> String { n < pads.count ? pads[n] : String(repeating: "  ", count: n) }

    static func quote(_ s: String, to out: OutputSink) {
        var s = s
        s.withUTF8 { bytes in
            // fast path: nothing to escape
            var clean = true
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { clean = false; break }
            if clean {
                out.write(quoted: bytes)
                return
            }
            var escaped: [UInt8] = [0x22]
            escaped.reserveCapacity(bytes.count + 8)
            let hex = Array("0123456789abcdef".utf8)
            for b in bytes {
                switch b {
                case 0x22: escaped.append(0x5C); escaped.append(0x22)
                case 0x5C: escaped.append(0x5C); escaped.append(0x5C)
                case 0x0A: escaped.append(0x5C); escaped.append(UInt8(ascii: "n"))
                case 0x0D: escaped.append(0x5C); escaped.append(UInt8(ascii: "r"))
                case 0x09: escaped.append(0x5C); escaped.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    escaped.append(contentsOf: Array("\\u00".utf8))
                    escaped.append(hex[Int(b >> 4)])
                    escaped.append(hex[Int(b & 0xF)])
                default: escaped.append(b)
                }
            }
            escaped.append(0x22)
            escaped.withUnsafeBufferPointer { out.write(raw: $0) }
        }
    }

}
