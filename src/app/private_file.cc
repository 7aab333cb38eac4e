#include "accord/app/private_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "accord/core/bytes.h"

namespace accord::app {

Status WritePrivateFile(const std::filesystem::path& path, std::string_view content) {
  // A name of its own: two servers sharing a data directory may write at once.
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + HexEncode(RandomBytes(8));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Internal(tmp.string() + ": cannot create: " + std::strerror(errno));
  int err = ::fchmod(fd, 0600) == 0 ? 0 : errno;
  for (std::string_view rest = content; err == 0 && !rest.empty();) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n > 0) {
      rest.remove_prefix(static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      err = n == 0 ? EIO : errno;
    }
  }
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  ::close(fd);
  if (err == 0 && ::rename(tmp.c_str(), path.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return Internal(path.string() + ": cannot write: " + std::strerror(err));
  }
  const std::filesystem::path dir = path.parent_path();
  const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);  // Best effort: the rename is done.
    ::close(dfd);
  }
  return Ok();
}

Result<std::optional<std::string>> ReadPrivateFile(const std::filesystem::path& path,
                                                   const std::string& field) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return Internal(path.string() + ": cannot open: " + std::strerror(errno));
  }
  struct stat st {};
  std::string content;
  Status s = [&]() -> Status {
    if (::fstat(fd, &st) != 0) return Internal(path.string() + ": stat failed");
    if (!S_ISREG(st.st_mode)) return ValidationError(field, path.string() + " is not a file");
    if ((st.st_mode & 077) != 0) {
      return ValidationError(field, path.string() + " lets other users read it; run 'chmod 600 " +
                                        path.string() + "'");
    }
    if (st.st_size > (1 << 20)) return ValidationError(field, path.string() + " is too large");
    content.resize(static_cast<size_t>(st.st_size));
    size_t used = 0;
    while (used < content.size()) {
      const ssize_t n = ::read(fd, content.data() + used, content.size() - used);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Internal(path.string() + ": read failed");
      used += static_cast<size_t>(n);
    }
    return Ok();
  }();
  ::close(fd);
  if (!s.ok()) return std::move(s).error();
  return std::optional<std::string>(std::move(content));
}

}  // namespace accord::app
