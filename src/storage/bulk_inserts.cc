#include "accord/storage/bulk_inserts.h"

#include <algorithm>

namespace accord::storage {

namespace {

// Rows per statement: a power of two, under both backends' limits on parameters (SQLite
// 32,766, PostgreSQL 65,535); more rows than this save little.
constexpr size_t kMaxRows = 512;
constexpr size_t kMaxParams = 32000;

size_t MaxRows(size_t width) {
  size_t rows = kMaxRows;
  while (rows > 1 && rows * width > kMaxParams) rows /= 2;
  return rows;
}

// The end of the parenthesised tuple starting at sql[open] (quotes and nested parentheses
// skipped), or npos; adds its placeholders to `width`.
size_t TupleEnd(std::string_view sql, size_t open, size_t& width) {
  int depth = 0;
  char quote = 0;
  for (size_t i = open; i < sql.size(); ++i) {
    const char ch = sql[i];
    if (quote) {
      if (ch == quote) quote = 0;
    } else if (ch == '\'' || ch == '"') {
      quote = ch;
    } else if (ch == '(') {
      ++depth;
    } else if (ch == ')') {
      if (--depth == 0) return i;
    } else if (ch == '?') {
      ++width;
    }
  }
  return std::string_view::npos;
}

// An INSERT of one or more identical VALUES tuples, optionally ON CONFLICT: the parts
// around its first tuple, and how many tuples it has. False for anything else.
struct InsertParts {
  std::string_view head, tuple, tail;
  size_t width = 0, rows = 0;
};

bool ParseInsert(std::string_view sql, InsertParts& out) {
  constexpr std::string_view kValues = " VALUES (";
  if (!sql.starts_with("INSERT INTO ")) return false;
  const size_t values = sql.find(kValues);
  if (values == std::string_view::npos) return false;
  const size_t open = values + kValues.size() - 1;
  size_t width = 0;
  const size_t close = TupleEnd(sql, open, width);
  if (close == std::string_view::npos || width == 0) return false;
  out.head = sql.substr(0, open);
  out.tuple = sql.substr(open, close + 1 - open);
  out.width = width;
  out.rows = 1;
  std::string_view rest = sql.substr(close + 1);
  // Further copies of the same tuple: ", (?, ?)" each.
  while (rest.starts_with(", ") && rest.substr(2).starts_with(out.tuple)) {
    rest.remove_prefix(2 + out.tuple.size());
    ++out.rows;
  }
  if (!rest.empty() && !rest.starts_with(" ON CONFLICT")) return false;
  out.tail = rest;
  return true;
}

}  // namespace

Status BulkInserts::ExecDeferred(std::string_view sql, Params params) {
  auto it = index_.find(sql);
  if (it == index_.end()) {
    InsertParts parts;
    if (!ParseInsert(sql, parts) || params.size() != parts.width * parts.rows) {
      return inner_.ExecDeferred(sql, params);
    }
    // Every row count of one statement shape gathers into one group.
    std::string single =
        std::string(parts.head) + std::string(parts.tuple) + std::string(parts.tail);
    auto shape = index_.find(single);
    size_t position;
    if (shape != index_.end()) {
      position = shape->second;
    } else {
      position = groups_.size();
      groups_.push_back(Group{std::string(parts.head),
                              std::string(parts.tuple),
                              std::string(parts.tail),
                              parts.width,
                              {}});
      index_.emplace(std::move(single), position);
    }
    it = index_.emplace(std::string(sql), position).first;
  }
  Group& group = groups_[it->second];
  if (params.size() % group.width != 0) return inner_.ExecDeferred(sql, params);
  group.values.insert(group.values.end(), params.begin(), params.end());
  if (group.values.size() / group.width >= MaxRows(group.width)) return Send(group);
  return Ok();
}

const std::string& BulkInserts::TextFor(Group& group, size_t rows) {
  const size_t position = static_cast<size_t>(&group - groups_.data());
  auto [it, added] = texts_.try_emplace({position, rows});
  if (added) {
    std::string& sql = it->second;
    sql.reserve(group.head.size() + rows * (group.tuple.size() + 2) + group.tail.size());
    sql += group.head;
    for (size_t i = 0; i < rows; ++i) {
      if (i) sql += ", ";
      sql += group.tuple;
    }
    sql += group.tail;
  }
  return it->second;
}

Status BulkInserts::Send(Group& group) {
  const size_t width = group.width;
  size_t left = group.values.size() / width;
  size_t at = 0;
  Status status;
  while (left > 0 && status.ok()) {
    size_t rows = MaxRows(width);
    while (rows > left) rows /= 2;
    status =
        inner_.ExecDeferred(TextFor(group, rows), Params(group.values).subspan(at, rows * width));
    ++statements_sent_;
    at += rows * width;
    left -= rows;
  }
  group.values.clear();
  return status;
}

Status BulkInserts::SendAll() {
  for (auto& group : groups_) {
    if (!group.values.empty()) ACCORD_TRY(Send(group));
  }
  return Ok();
}

Result<int64_t> BulkInserts::Exec(std::string_view sql, Params params) {
  ACCORD_TRY(SendAll());
  return inner_.Exec(sql, params);
}

Result<std::vector<Row>> BulkInserts::Query(std::string_view sql, Params params) {
  ACCORD_TRY(SendAll());
  return inner_.Query(sql, params);
}

Status BulkInserts::ForEach(std::string_view sql, Params params,
                            const std::function<bool(const Row&)>& fn) {
  ACCORD_TRY(SendAll());
  return inner_.ForEach(sql, params, fn);
}

Status BulkInserts::Flush() {
  Status sent = SendAll();
  Status flushed = inner_.Flush();
  return sent.ok() ? flushed : sent;
}

Status BulkInserts::StreamBlob(std::string_view table, std::string_view column,
                               std::string_view key_column, const Value& key, int64_t size,
                               const BlobSource& read) {
  ACCORD_TRY(SendAll());
  return inner_.StreamBlob(table, column, key_column, key, size, read);
}

}  // namespace accord::storage
