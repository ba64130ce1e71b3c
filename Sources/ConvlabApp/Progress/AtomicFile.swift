import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Replaces a file's contents all at once: a reader, or a process killed mid-write, sees
/// either the old contents or the new, never part of each.
public enum AtomicFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `data` to a temporary file next to `path`, flushes it to disk, then renames it
    /// over `path`. The temporary name carries the process id, so two writers never share one.
    public static func write(_ data: Data, to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create \(temporary): \(errorText())")
        }
        var failed: String?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset,
                                          buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failed = "cannot write \(temporary): \(errorText())"
                    return
                }
                offset += written
            }
        }
        // fsync before rename: otherwise a power cut can leave the new name pointing at an
        // empty file on some file systems.
        if failed == nil && fsync(descriptor) != 0 {
            failed = "cannot flush \(temporary): \(errorText())"
        }
        close(descriptor)
        if let failed {
            unlink(temporary)
            throw Failure(description: failed)
        }
        guard rename(temporary, path) == 0 else {
            let message = "cannot replace \(path): \(errorText())"
            unlink(temporary)
            throw Failure(description: message)
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
