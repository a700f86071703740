#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turning brightness into ink levels in 0...1 (0 = no ink, 1 = the densest glyph).
public enum Tone {
    /// How the subject's brightness range is stretched before the curve.
    public enum Contrast: Sendable, Equatable {
        /// Brightness is used as it is: level = luma / 255.
        case none
        /// The subject's range, after clipping `clipPercent` % of its cells at each end, is
        /// stretched to 0...1. `stretch(clipPercent: 0)` is a plain min–max stretch.
        case stretch(clipPercent: Float)
    }

    /// The curve applied after the contrast stretch.
    public enum Curve: Sendable, Equatable {
        /// level = v^exponent: below 1 brightens, above 1 darkens, 1 changes nothing.
        case power(Float)
        /// The seed's curve, level = 1 − (1 − v)^exponent; it used 0.2.
        case seed(Float)

        /// The curve's value at `value` in 0...1.
        func apply(_ value: Float) -> Float {
            switch self {
            case .power(let exponent): return exponent == 1 ? value : Float(pow(Double(value), Double(exponent)))
            case .seed(let exponent): return 1 - Float(pow(Double(1 - value), Double(exponent)))
            }
        }
    }

    /// The brightness-to-level function for these cells, applied to the cells themselves and to
    /// finer samples (the shape matcher's sub-cells), so both are toned alike.
    ///
    /// The stretch looks only at subject cells (those the mask does not mark as background), so
    /// a bright background does not squeeze the subject's tones. A subject of one flat brightness
    /// is not stretched (there is no range to stretch).
    public static func mapping(luma: Grid<Float>, mask: Grid<Bool>?, contrast: Contrast, curve: Curve) -> Mapping {
        let (low, high) = range(luma: luma, mask: mask, contrast: contrast)
        return Mapping(low: low, scale: 1 / (high - low), curve: curve)
    }

    /// A stretch and a curve: brightness in 0...255 to level in 0...1.
    public struct Mapping: Sendable {
        let low: Float, scale: Float, curve: Curve

        /// The level of a brightness.
        public func level(_ luma: Float) -> Float {
            curve.apply(min(1, max(0, (luma - low) * scale)))
        }
    }

    /// The brightness that maps to level 0 and the one that maps to level 1.
    static func range(luma: Grid<Float>, mask: Grid<Bool>?, contrast: Contrast) -> (Float, Float) {
        let full: (Float, Float) = (0, 255)
        guard case .stretch(let clipPercent) = contrast else { return full }
        var subject = luma.values
        if let mask {
            subject = zip(luma.values, mask.values).compactMap { $1 ? nil : $0 }
        }
        guard !subject.isEmpty else { return full }
        subject.sort()
        let clip = Int((Float(subject.count - 1) * min(max(clipPercent, 0), 49) / 100).rounded())
        let low = subject[clip], high = subject[subject.count - 1 - clip]
        return high - low >= 1 ? (low, high) : full
    }
}
