/// Why a file's bytes could not become an image. Descriptions are one line, meant to follow the
/// file's name in an error message.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file holds no bytes at all.
    case empty
    /// The bytes start with no known image signature.
    case unknownFormat
    /// A format pushin recognises but does not decode.
    case unsupportedFormat(ImageFormat)
    /// The header declares more pixels than the budget allows.
    case tooLarge(width: Int, height: Int, maxPixels: Int)
    /// The animation has more frames than the cap allows.
    case tooManyFrames(maxFrames: Int)
    /// Compositing every frame would take longer than any animation may (frames × canvas pixels
    /// over the decoder's bound); `frames` frames fit.
    case tooLongToComposite(width: Int, height: Int, frames: Int)
    /// The decoder stopped with an error: a corrupt or truncated file.
    case corrupt(ImageFormat, reason: String)
    /// The decoder finished, but only by guessing past damage (a truncated file, corrupt
    /// entropy data, an animation cut short); refused unless decoding is lenient.
    case damaged(ImageFormat, reason: String)
    /// Memory for the pixels could not be had.
    case outOfMemory
    /// The file is well formed but would take more memory or work than one of pushin's limits
    /// allows (other than the pixel budget); `reason` names the limit.
    case overLimit(ImageFormat, reason: String)
    /// Reading the file failed while it was decoded; `reason` is the system's words.
    case readFailed(reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty file"
        case .unknownFormat:
            return "not a PNG, JPEG, GIF or WebP image (unrecognised signature)"
        case .unsupportedFormat(let format):
            return "\(format.rawValue) images are not supported (only PNG, JPEG, GIF and WebP)"
        case let .tooLarge(width, height, maxPixels):
            return "image is \(width) × \(height) pixels, over the limit of \(maxPixels) (see --max-pixels)"
        case let .tooManyFrames(maxFrames):
            return "animation has more than \(maxFrames) frames (see --max-frames; --lenient draws the first \(maxFrames))"
        case let .tooLongToComposite(width, height, frames):
            return "animation of \(width) × \(height) pixels has too many frames to composite in time "
                + "(--lenient draws the first \(frames))"
        case let .corrupt(format, reason):
            return "corrupt \(format.rawValue): \(reason)"
        case let .damaged(format, reason):
            return "damaged \(format.rawValue): \(reason) (--lenient draws it anyway)"
        case .outOfMemory:
            return "out of memory while decoding"
        case let .overLimit(format, reason):
            return "\(format.rawValue) over a limit: \(reason)"
        case .readFailed(let reason):
            return reason
        }
    }
}
