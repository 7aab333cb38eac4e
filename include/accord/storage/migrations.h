// Forward-only schema migrations, applied at start-up by every command that opens a store.
#pragma once

#include <span>

#include "accord/storage/store.h"

namespace accord::storage {

std::span<const Migration> AllMigrations();

}  // namespace accord::storage
