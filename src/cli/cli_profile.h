// `accord profile ...`: working with policy profiles without a store.
#pragma once

namespace CLI {
class App;
}

namespace accord::cli {

// Adds `accord profile check FILE|NAME`; the chosen command's exit code goes to exit_code.
void AddProfileCommands(CLI::App& cli, int& exit_code);

}  // namespace accord::cli
