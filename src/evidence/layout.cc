#include "accord/evidence/layout.h"

#include <zip.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <set>

namespace accord::evidence {

namespace {

std::string Padded(uint64_t index) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%012llu", static_cast<unsigned long long>(index));
  return buf;
}

Error Broken(std::string path, std::string reason) {
  return Error{ErrorCode::kCheckFailed, path + ": " + reason, {{std::move(path), reason, {}}}};
}

bool SafePath(std::string_view p) {
  if (p.empty() || p.front() == '/' || p.back() == '/' || p.find('\\') != std::string_view::npos)
    return false;
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find('/', start);
    if (end == std::string_view::npos) end = p.size();
    std::string_view part = p.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

struct ZipCloser {
  void operator()(zip_t* z) const {
    if (z != nullptr) zip_discard(z);
  }
};

struct FileCloser {
  void operator()(zip_file_t* f) const {
    if (f != nullptr) zip_fclose(f);
  }
};

}  // namespace

std::string EventPath(uint64_t index) { return "events/" + Padded(index) + ".json"; }
std::string InclusionProofPath(uint64_t index) { return "proofs/" + Padded(index) + ".json"; }
std::string DocumentPath(std::string_view sha256_hex) {
  return "documents/" + std::string(sha256_hex);
}

std::string ManifestStatement(std::string_view origin, std::string_view manifest_sha256_hex) {
  return std::string(kFormat) + " manifest\n" + std::string(origin) + "\nsha256 " +
         std::string(manifest_sha256_hex) + "\n";
}

std::string ReadmeText(std::string_view origin) {
  return "Accord evidence bundle of the log " + std::string(origin) +
         "\n\n"
         "Check it without trusting the organisation that made it, with its public key (the\n"
         "verifier key it published, \"name+id+key\"):\n\n"
         "  in a browser: open verify.html from this archive (it works offline), choose this\n"
         "  .zip file and paste the key;\n"
         "  with Accord: accord evidence verify THIS.accord-evidence.zip --key KEY\n\n"
         "manifest.json  every file with its SHA-256, the events and documents listed with their\n"
         "               recorded time and effective date; manifest.sig signs it with the log's "
         "key\n"
         "checkpoint.note  the log's signed checkpoint (tree size and root)\n"
         "events/N.json    ledger entry N, the exact bytes that were hashed\n"
         "proofs/N.json    entry N's inclusion proof up to the checkpoint\n"
         "documents/SHA    a document an event references, named by its SHA-256\n"
         "previous/checkpoint.note, proofs/consistency.json  (only with --since) the earlier\n"
         "                 bundle's checkpoint and the proof that this log only grew since\n"
         "keys/log.txt     the log's signing keys as recorded in the ledger\n";
}

Status WriteArchive(const std::filesystem::path& file, const std::vector<Entry>& entries) {
  int err = 0;
  zip_t* raw = zip_open(file.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (raw == nullptr) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return ValidationError("out", "cannot create " + file.string() + ": " + why);
  }
  std::unique_ptr<zip_t, ZipCloser> z(raw);
  const time_t now = std::time(nullptr);
  for (const Entry& e : entries) {
    // The buffers stay alive in `entries` until zip_close has written them.
    zip_source_t* src = zip_source_buffer(z.get(), e.content.data(), e.content.size(), 0);
    if (src == nullptr) return Internal(std::string("zip: ") + zip_strerror(z.get()));
    zip_int64_t idx = zip_file_add(z.get(), e.path.c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      return Internal("zip: adding " + e.path + ": " + zip_strerror(z.get()));
    }
    // Small entries (events, proofs: 200,000 of them in a large bundle) are stored: a deflate
    // stream per entry costs more time than the few hundred bytes it saves, and hashes do not
    // compress. Documents are stored as they are (mostly compressed formats already).
    const bool deflate = !e.path.starts_with("documents/") && e.content.size() >= (16u << 10);
    zip_set_file_compression(z.get(), static_cast<zip_uint64_t>(idx),
                             deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, deflate ? 1 : 0);
    zip_file_set_mtime(z.get(), static_cast<zip_uint64_t>(idx), now, 0);
  }
  if (zip_close(z.get()) != 0) {
    std::string why = zip_strerror(z.get());
    return ValidationError("out", "cannot write " + file.string() + ": " + why);
  }
  z.release();  // zip_close freed it
  return Ok();
}

Result<std::vector<Entry>> ReadArchive(const std::filesystem::path& file,
                                       uint64_t max_entry_bytes) {
  int err = 0;
  zip_t* raw = zip_open(file.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (raw == nullptr) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string why = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return Broken(file.filename().string(), "not a readable zip archive (" + why + ")");
  }
  std::unique_ptr<zip_t, ZipCloser> z(raw);
  const zip_int64_t n = zip_get_num_entries(z.get(), 0);
  std::vector<Entry> out;
  out.reserve(static_cast<size_t>(n));
  std::set<std::string, std::less<>> seen;
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0) {
      return Broken("entry " + std::to_string(i), zip_strerror(z.get()));
    }
    std::string path = st.name != nullptr ? st.name : "";
    if (!SafePath(path)) return Broken(path, "not a plain relative file name");
    if (!seen.insert(path).second) return Broken(path, "appears twice in the archive");
    if (st.size > max_entry_bytes) return Broken(path, "larger than this verifier accepts");
    std::unique_ptr<zip_file_t, FileCloser> f(
        zip_fopen_index(z.get(), static_cast<zip_uint64_t>(i), 0));
    if (!f) return Broken(path, std::string("cannot be opened: ") + zip_strerror(z.get()));
    std::string content(static_cast<size_t>(st.size), '\0');
    zip_int64_t got = 0;
    while (static_cast<zip_uint64_t>(got) < st.size) {
      zip_int64_t r = zip_fread(f.get(), content.data() + got, st.size - got);
      if (r <= 0) break;
      got += r;
    }
    // One more read: a short or corrupt entry fails here (libzip checks the CRC at the end).
    char extra;
    zip_int64_t tail = zip_fread(f.get(), &extra, 1);
    if (static_cast<zip_uint64_t>(got) != st.size || tail != 0) {
      return Broken(path, std::string("damaged in the archive (") +
                              zip_error_strerror(zip_file_get_error(f.get())) + ")");
    }
    out.push_back(Entry{std::move(path), std::move(content)});
  }
  return out;
}

}  // namespace accord::evidence
