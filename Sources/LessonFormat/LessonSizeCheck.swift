import ConvModel

extension LessonParser {
    /// The first layer at which `layers` over `input` pass a size limit, found from the
    /// layers' geometry alone, before anything is computed.
    public struct SizeExcess: Sendable, Equatable {
        /// The layer, counted from 0.
        public let layer: Int
        public let maps: Int
        public let height: Int
        public let width: Int
        /// Numbers held and multiplications needed by this layer and those before it.
        public let values: Int
        public let products: Int

        /// True when the numbers held are what passes the limit (else the multiplications).
        public var isValues: Bool { values > LessonParser.maximumValues }
    }

    /// See `SizeExcess`; nil when every layer keeps within the limits, or when a layer does
    /// not fit its input at all (that is reported when the network is built).
    public static func firstSizeExcess(input: Grid, layers: [ConvLayer]) -> SizeExcess? {
        var (height, width, channels) = (input.height, input.width, input.channels)
        var values = input.values.count
        var products = 0
        for (index, layer) in layers.enumerated() {
            guard let geometry = try? layer.geometry(
                forInputHeight: height, width: width, channels: channels),
                let kernel = layer.filters.first
            else { return nil }
            let cells = saturatingProduct([geometry.outputHeight, geometry.outputWidth,
                                           layer.filters.count])
            // Each layer keeps its maps before and after the activation.
            values = min(Int.max / 2, values) + min(Int.max / 4, cells) * 2
            products = min(Int.max / 2, products)
                + min(Int.max / 2, saturatingProduct([cells, kernel.weights.values.count]))
            if values > maximumValues || products > maximumProducts {
                return SizeExcess(layer: index, maps: layer.filters.count,
                                  height: geometry.outputHeight, width: geometry.outputWidth,
                                  values: values, products: products)
            }
            (height, width, channels) =
                (geometry.outputHeight, geometry.outputWidth, layer.filters.count)
        }
        return nil
    }

    private static func saturatingProduct(_ factors: [Int]) -> Int {
        factors.reduce(1) { product, factor in
            let (result, overflow) = product.multipliedReportingOverflow(by: factor)
            return overflow ? Int.max : result
        }
    }
}
