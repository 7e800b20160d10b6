/// The property paths of a model, found by decoding it once with a decoder that records every key the
/// model's `Decodable` conformance asks for. The models are the one source of truth: a spec property is
/// valid exactly when the model has it, and docs/spec.md lists what this finds.
enum PropertySchema {
    /// Every property path of `Model`: top-level names, and nested ones as `routes[].natGatewayId`.
    static func paths<Model: Decodable>(of model: Model.Type) -> [String] {
        let recorder = KeyRecorder()
        _ = try? Model(from: RecordingDecoder(recorder: recorder, codingPath: []))
        return recorder.paths
    }

    final class KeyRecorder {
        var paths: [String] = []

        func record(_ path: [CodingKey]) {
            let text = path.map { $0.intValue != nil ? "[]" : $0.stringValue }
                .reduce(into: "") { text, part in text += part == "[]" ? "[]" : (text.isEmpty ? part : ".\(part)") }
            if !paths.contains(text) { paths.append(text) }
        }
    }

    struct IndexKey: CodingKey {
        var stringValue: String { "\(intValue ?? 0)" }
        var intValue: Int?
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    struct RecordingDecoder: Decoder {
        let recorder: KeyRecorder
        let codingPath: [CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Keyed<Key>(recorder: recorder, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> UnkeyedDecodingContainer {
            Unkeyed(recorder: recorder, codingPath: codingPath)
        }

        func singleValueContainer() throws -> SingleValueDecodingContainer {
            Single(recorder: recorder, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: KeyRecorder
        let codingPath: [CodingKey]
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            let path = codingPath + [key]
            recorder.record(path)
            return try T(from: RecordingDecoder(recorder: recorder, codingPath: path))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            recorder.record(codingPath + [key])
            return KeyedDecodingContainer(Keyed<NestedKey>(recorder: recorder, codingPath: codingPath + [key]))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            recorder.record(codingPath + [key])
            return Unkeyed(recorder: recorder, codingPath: codingPath + [key])
        }

        func superDecoder() throws -> Decoder { RecordingDecoder(recorder: recorder, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> Decoder { RecordingDecoder(recorder: recorder, codingPath: codingPath + [key]) }
    }

    /// A list of exactly one element, enough to learn the element's properties.
    struct Unkeyed: UnkeyedDecodingContainer {
        let recorder: KeyRecorder
        let codingPath: [CodingKey]
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex > 0 }

        init(recorder: KeyRecorder, codingPath: [CodingKey]) {
            self.recorder = recorder
            self.codingPath = codingPath
        }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try T(from: RecordingDecoder(recorder: recorder, codingPath: codingPath + [IndexKey(intValue: 0)]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(recorder: recorder, codingPath: codingPath + [IndexKey(intValue: 0)]))
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(recorder: recorder, codingPath: codingPath + [IndexKey(intValue: 0)])
        }

        mutating func superDecoder() throws -> Decoder { RecordingDecoder(recorder: recorder, codingPath: codingPath) }
    }

    /// Leaf values: the first value of each type, which every model accepts.
    struct Single: SingleValueDecodingContainer {
        let recorder: KeyRecorder
        let codingPath: [CodingKey]

        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Double.Type) throws -> Double { 0 }
        func decode(_ type: Float.Type) throws -> Float { 0 }
        func decode(_ type: Int.Type) throws -> Int { 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { 0 }
        func decode(_ type: UInt.Type) throws -> UInt { 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: RecordingDecoder(recorder: recorder, codingPath: codingPath)) }
    }
}
