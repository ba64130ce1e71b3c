// swift-tools-version:6.0
// convlab: a terminal lab for convolution layers and activation functions.
import PackageDescription

let package = Package(
    name: "convlab",
    products: [
        .executable(name: "convlab", targets: ["convlab"])
    ],
    targets: [
        // C libraries from the system, wrapped as modules. Only the terminal adapter in
        // the executable imports CNcurses.
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // libpng; only ImageFormats imports it, through one C function that catches
        // libpng's longjmp errors on the C side.
        .systemLibrary(
            name: "CPNG",
            path: "Sources/CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),

        // Layer 1: the pure model (grids, convolution, activations, stepper, gradients).
        .target(name: "ConvModel"),
        // PNG and PGM/PPM files into grids, area resizing and luma.
        .target(name: "ImageFormats", dependencies: ["CPNG", "ConvModel"]),
        // Reading and checking lesson files.
        .target(name: "LessonFormat", dependencies: ["ConvModel", "ImageFormats"]),
        // Layer 2: a grid of styled cells, widgets and layout; knows nothing of ncurses.
        .target(name: "ScreenModel"),
        // The app: state, update(state, event), views, and the headless commands.
        .target(name: "ConvlabApp",
                dependencies: ["ConvModel", "LessonFormat", "ScreenModel", "ImageFormats"]),
        // Layer 3: main and the one thin ncurses adapter.
        .executableTarget(name: "convlab", dependencies: ["ConvlabApp", "ScreenModel", "CNcurses"]),

        .testTarget(name: "ConvModelTests", dependencies: ["ConvModel"]),
        .testTarget(name: "LessonFormatTests", dependencies: ["LessonFormat"]),
        .testTarget(name: "ScreenModelTests", dependencies: ["ScreenModel"]),
        // Fixtures are read through #filePath, like the snapshots.
        .testTarget(name: "ImageFormatsTests",
                    dependencies: ["ImageFormats", "ConvModel", "LessonFormat", "ConvlabApp",
                                   "ScreenModel"],
                    exclude: ["Fixtures"]),
        // Golden screens live in Tests/ConvlabAppTests/Snapshots and are found through
        // #filePath, so re-recording writes straight into the source tree.
        .testTarget(name: "ConvlabAppTests", dependencies: ["ConvlabApp"]),
        // Drives the real binary in a private tmux server; depends on the executable so that
        // `swift test` builds it first.
        .testTarget(name: "EndToEndTests",
                    dependencies: ["convlab", "ConvModel", "LessonFormat", "ConvlabApp",
                                   "progress-write-probe"]),
        // Saves progress in a loop so a test can kill it mid-write; built only for the tests.
        .executableTarget(name: "progress-write-probe", dependencies: ["ConvlabApp"],
                          path: "Tests/Probes/ProgressWriteProbe"),
    ],
    swiftLanguageModes: [.v6]
)
