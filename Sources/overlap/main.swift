import Foundation
import OverlapCLI

exit(Overlap.execute(Array(CommandLine.arguments.dropFirst())))
