import Foundation
import NIOConcurrencyHelpers
#if canImport(Glibc)
import Glibc
#endif

/// A screen on a gateway's live feed: `GET /api/events` over a plain socket, read on a thread of its
/// own; each `event: summary` message's data handed out as it comes.
final class EventStreamReader: @unchecked Sendable {
    let events: AsyncStream<Data>
    private let continuation: AsyncStream<Data>.Continuation
    private let socket: Int32
    private let closed = NIOLockedValueBox(false)

    init(port: Int) throws {
        (events, continuation) = AsyncStream.makeStream()
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(socket)
            throw MeshError(message: "cannot connect to the live feed on port \(port)")
        }
        let request = Array("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        let fd = socket
        let continuation = continuation
        Thread.detachNewThread {
            var received = Data()
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { break }
                received.append(contentsOf: chunk[0..<count])
                // Each event is written whole, so it lies within one chunk of the chunked body.
                while let start = received.range(of: Data("event: summary\ndata: ".utf8)),
                      let end = received.range(of: Data("\n\n".utf8), in: start.upperBound..<received.endIndex) {
                    continuation.yield(received.subdata(in: start.upperBound..<end.lowerBound))
                    received.removeSubrange(received.startIndex..<end.upperBound)
                }
            }
            continuation.finish()
        }
    }

    /// Hangs up (the reading thread ends); once.
    func close() {
        let wasClosed = closed.withLockedValue { closed in
            defer { closed = true }
            return closed
        }
        guard !wasClosed else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }
}
