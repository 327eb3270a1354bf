import Foundation

/// Asks the kernel whether a file descriptor can be read without blocking, for a reader that
/// must answer a co-process before its next line arrives.
enum DescriptorPoll {
  /// Whether a `read(2)` on `descriptor` would return at once: data, the end of the input or an
  /// error is waiting. Always true for a regular file.
  static func isReady(_ descriptor: Int32) -> Bool {
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&request, 1, 0)
      if ready < 0, errno == EINTR { continue }
      // A failed poll says nothing about the input: let the read find out.
      return ready != 0
    }
  }
}
