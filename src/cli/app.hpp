#pragma once

namespace kam::cli {

// Parses the command line and runs one subcommand; returns the exit status.
int run(int argc, char** argv);

}  // namespace kam::cli
