#include "accord/cli/cli.h"

int main(int argc, char** argv) { return accord::cli::Main(argc, argv); }
