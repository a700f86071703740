/// The palette entries nearest in CIELAB to the colours of each box of sRGB colours (the top
/// `bits` bits of each channel), for `Palette.nearest`; Tools/make-palette-table.py writes them
/// (PaletteTableData.swift), and checks that they answer as `Palette.nearestBySearch` for every colour.
struct PaletteTable: Sendable {
    /// Per box (red, green, blue; blue fastest): its only entry (below 256), or 256 + the offset
    /// in `lists` of its entries, which are a count and then the entries in increasing order.
    let boxes: [UInt16]
    /// The entries of the boxes with more than one.
    let lists: [UInt8]

    /// Decodes the literals the tool writes: two characters (6 bits each, A-Z a-z 0-9 + /) a
    /// box, its entry or 256 + the number of its list; the lists, each a count character and
    /// then two characters an entry.
    init(boxes: StaticString, lists: StaticString) {
        /// The 6-bit value of one character, without branches (the characters are random).
        func digit(_ character: UInt8) -> Int {
            let c = Int(character)
            let letter = c >= 97 ? c - 71 : c - 65
            return c >= 65 ? letter : c >= 48 ? c + 4 : c == 43 ? 62 : 63
        }
        // The lists' entries, and where each list starts in them (the arrays are the closure's
        // own: captured, every append would go through a box).
        let (starts, entries) = lists.withUTF8Buffer { text in
            var starts: [UInt16] = [], entries: [UInt8] = []
            entries.reserveCapacity(text.count / 2 + 1)
            var at = 0
            while at < text.count {
                starts.append(UInt16(entries.count))
                let count = digit(text[at])
                entries.append(UInt8(count))
                for k in 0 ..< count {
                    entries.append(UInt8(digit(text[at + 1 + 2 * k]) << 6 | digit(text[at + 2 + 2 * k])))
                }
                at += 1 + 2 * count
            }
            return (starts, entries)
        }
        self.boxes = boxes.withUTF8Buffer { text in
            [UInt16](unsafeUninitializedCapacity: text.count / 2) { values, initialized in
                for box in 0 ..< text.count / 2 {
                    let value = digit(text[2 * box]) << 6 | digit(text[2 * box + 1])
                    values[box] = value < 256 ? UInt16(value) : 256 + starts[value - 256]
                }
                initialized = text.count / 2
            }
        }
        self.lists = entries
    }

    /// The index of the entry nearest to `colour`, given every entry's CIELAB coordinates: the
    /// box's entry, or of its entries the nearest (the lowest index of equally near ones).
    @inline(__always)
    func nearest(_ colour: RGB, lab: [(Float, Float, Float)]) -> Int {
        let shift = 8 - Self.bits
        let box = (Int(colour.red) >> shift) << (2 * Self.bits) | (Int(colour.green) >> shift) << Self.bits
            | Int(colour.blue) >> shift
        let value = Int(boxes[box])
        if value < 256 { return value }
        let target = LabImage.lab(colour)
        let count = Int(lists[value - 256])
        var best = 0, bestDistance = Float.infinity
        for position in value - 255 ... value - 256 + count {
            let index = Int(lists[position])
            let distance = Palette.distance(lab[index], target)
            if distance < bestDistance { (best, bestDistance) = (index, distance) }
        }
        return best
    }
}
