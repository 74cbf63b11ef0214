import Foundation
import Workbench

exit(CLI.main(Array(CommandLine.arguments.dropFirst())))
