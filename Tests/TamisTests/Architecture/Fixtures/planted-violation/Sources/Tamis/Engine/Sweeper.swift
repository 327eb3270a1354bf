/// An engine type that names the model: downwards, which is allowed.
struct Sweeper {
  func count(of shelf: Shelf) -> Int { shelf.count }
}
